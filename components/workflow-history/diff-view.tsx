'use client';

// One diff, three ways: the changes in plain words (layout-only moves apart), the canvas of the
// newer version with added / changed / removed steps marked, and the unified text diff.
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { WorkflowDiffDto } from '@/engine/dto/workflow-versions';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { EditorCanvas } from '@/components/flow-editor/editor-canvas';
import { EditorProvider } from '@/components/flow-editor/editor-context';
import { diffCanvasModel } from '@/components/flow-editor/diff-canvas-model';
import { createEditorStore } from '@/components/flow-editor/store';
import { Segmented } from '@/components/ui/segmented';
import { cn } from '@/lib/cn';

export function DiffView({ diff, from, to }: { diff: WorkflowDiffDto; from: WorkflowDefinition; to: WorkflowDefinition }) {
  const [view, setView] = useState<'canvas' | 'text'>('canvas');
  const real = diff.changes.filter((c) => !c.layout);
  const moved = diff.changes.filter((c) => c.layout);
  const store = useMemo(() => {
    const model = diffCanvasModel(from, to, diff.changes);
    return createEditorStore({ definition: model.definition, marks: model.marks });
  }, [from, to, diff.changes]);
  return (
    <div className="flex flex-col gap-3" data-testid="diff-view">
      <section aria-label="Changes">
        {real.length === 0 ? (
          <p className="text-sm text-muted">{moved.length > 0 ? 'Only the layout changed: nothing about what runs.' : 'No changes.'}</p>
        ) : (
          <ul className="flex flex-col gap-1 text-sm" data-testid="diff-changes">
            {real.map((c, i) => (
              <li key={i} className="flex gap-2">
                <span className={cn('mt-1.5 size-2 shrink-0 rounded-full', c.kind.endsWith('added') ? 'bg-[var(--st-green-fg)]' : c.kind.endsWith('removed') ? 'bg-[var(--st-red-fg)]' : 'bg-[var(--st-amber-fg)]')} />
                {c.text}
              </li>
            ))}
          </ul>
        )}
        {moved.length > 0 && real.length > 0 && <p className="mt-2 text-xs text-muted">Also {moved.length} step{moved.length === 1 ? '' : 's'} moved on the canvas.</p>}
      </section>
      {/* Wrapped: as a flex-column child the switch would stretch across the card. */}
      <div>
        <Segmented label="Diff view" value={view} onChange={setView} options={[{ value: 'canvas', label: 'Canvas' }, { value: 'text', label: 'Text' }]} />
      </div>
      {view === 'canvas' ? (
        <div className="h-[26rem] rounded-lg border border-border">
          <EditorProvider store={store}>
            <ReactFlowProvider>
              {/* No minimap: in this small frame it would cover a quarter of the steps. */}
              <EditorCanvas readOnly minimap={false} />
            </ReactFlowProvider>
          </EditorProvider>
        </div>
      ) : (
        <pre className="max-h-[32rem] overflow-auto rounded-lg border border-border bg-surface p-3 font-mono text-xs leading-5" data-testid="diff-text">
          {diff.text.split('\n').map((line, i) => (
            <div key={i} className={cn(line.startsWith('+') && !line.startsWith('+++') ? 'bg-[var(--st-green-bg)] text-[var(--st-green-fg)]' : line.startsWith('-') && !line.startsWith('---') ? 'bg-[var(--st-red-bg)] text-[var(--st-red-fg)]' : line.startsWith('@@') ? 'text-muted' : '')}>
              {line || ' '}
            </div>
          ))}
        </pre>
      )}
    </div>
  );
}
