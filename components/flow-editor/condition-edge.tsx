'use client';

// A `needs` edge, labelled with its condition unless it is the ordinary "after success". A
// selected edge shows buttons to change the condition (the side panel also can).
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { EDGE_CONDITIONS } from '@/engine/workflow/schema';
import { parseEdgeId } from '@/engine/workflow/graph-model';
import { cn } from '@/lib/cn';
import { useEditorStore } from './editor-context';
import type { EditorEdge } from './to-react-flow';

function ConditionEdgeView(props: EdgeProps<EditorEdge>) {
  const { id, data, selected, style, markerEnd } = props;
  const store = useEditorStore();
  const [path, labelX, labelY] = getBezierPath(props);
  const on = data?.on ?? 'success';
  const ends = parseEdgeId(id);
  return (
    <>
      <BaseEdge id={id} path={path} style={style} markerEnd={markerEnd} interactionWidth={16} />
      {(on !== 'success' || selected) && ends && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-0.5 rounded-md border border-border bg-surface p-0.5 text-[11px] shadow-xs"
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
            data-testid={`edge-label-${id}`}
          >
            {selected ? (
              EDGE_CONDITIONS.map((c) => (
                <button
                  key={c}
                  type="button"
                  onClick={() => store.getState().dispatch({ op: 'set-condition', from: ends.source, to: ends.target, on: c })}
                  className={cn('rounded px-1.5 py-0.5', c === on ? 'bg-accent text-accent-fg' : 'hover:bg-surface-2')}
                  aria-pressed={c === on}
                >
                  on {c}
                </button>
              ))
            ) : (
              <span className={cn('px-1.5 py-0.5', on === 'failure' ? 'text-[var(--st-red-fg)]' : 'text-muted')}>on {on}</span>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const ConditionEdge = memo(ConditionEdgeView);
