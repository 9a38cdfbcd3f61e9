'use client';

// A step on the editor canvas. Receives only {stepId}; reads its step, action title and problems
// from the editor store, so an edit elsewhere does not re-render it. Forms never live in nodes:
// selecting one opens the side panel.
import type { NodeProps } from '@xyflow/react';
import { TriangleAlert } from 'lucide-react';
import { memo } from 'react';
import { lookupAction } from '@/engine/actions/definition';
import { cn } from '@/lib/cn';
import { useEditor } from '../editor-context';
import type { EditorNode } from '../to-react-flow';
import { NodeFrame, NodeTitle } from './node-frame';

// Diff view: added green, changed amber, removed struck out.
const MARK = {
  added: '!border-[var(--st-green-fg)] bg-[var(--st-green-bg)] ring-2 ring-[var(--st-green-bd)]',
  changed: '!border-[var(--st-amber-fg)] bg-[var(--st-amber-bg)] ring-2 ring-[var(--st-amber-bd)]',
  removed: '!border-dashed !border-[var(--st-red-fg)] opacity-60 line-through',
} as const;

function EditorStepNodeView({ data, selected }: NodeProps<EditorNode>) {
  const step = useEditor((s) => s.stepsById.get(data.stepId));
  const problems = useEditor((s) => s.issuesByStep.get(data.stepId));
  const title = useEditor((s) => (step ? lookupAction(s.catalog, step.action)?.title : undefined));
  const mark = useEditor((s) => s.marks.get(data.stepId));
  if (!step) return null;
  const bad = (problems?.length ?? 0) > 0;
  return (
    <NodeFrame
      connectable
      selected={selected}
      border={bad ? 'border-[var(--st-red-fg)]' : 'border-border'}
      data-testid={`editor-node-${step.id}`}
      data-invalid={bad || undefined}
      data-mark={mark}
      title={[step.description, ...(problems ?? []).map((p) => `⚠ ${p.message}`)].filter(Boolean).join('\n') || undefined}
      className={cn('justify-center gap-0.5 bg-surface px-3 py-2', mark && MARK[mark])}
    >
      {(compact) => (
        <>
          <div className="flex items-center justify-between gap-2">
            <NodeTitle id={step.id} compact={compact} />
            {mark && !compact && <span className="shrink-0 text-[10px] font-semibold uppercase text-muted">{mark}</span>}
            {bad && !mark && (
              <span className="inline-flex shrink-0 items-center gap-0.5 text-[11px] text-[var(--st-red-fg)]" aria-label={`${problems!.length} problems`}>
                <TriangleAlert aria-hidden className="size-3.5" />
                {!compact && problems!.length}
              </span>
            )}
          </div>
          {!compact && (
            <>
              <div className="truncate text-[11px] text-fg">{title ?? <span className="text-[var(--st-red-fg)]">unknown action</span>}</div>
              <div className="truncate font-mono text-[11px] text-muted">{step.description || step.action}</div>
            </>
          )}
        </>
      )}
    </NodeFrame>
  );
}

export const EditorStepNode = memo(EditorStepNodeView);
