'use client';

// Everything that keeps the workflow from being published, each with where it is. Clicking a
// problem selects its step (the side panel opens on it and focuses the field when it can).
import { CircleCheck, TriangleAlert } from 'lucide-react';
import { useEditor, useEditorStore } from './editor-context';

export function ProblemsPanel({ onFocusField }: { onFocusField?: (step: string | undefined, field: string | undefined) => void }) {
  const store = useEditorStore();
  const issues = useEditor((s) => s.issues);
  const textError = useEditor((s) => s.textError);
  const count = issues.length + (textError ? 1 : 0);
  return (
    <section aria-label="Problems" className="max-h-44 min-h-0 overflow-y-auto border-t border-border bg-surface" data-testid="problems-panel">
      <h2 className="sticky top-0 flex items-center gap-1.5 bg-surface px-3 py-1.5 text-xs font-semibold">
        {count === 0 ? <CircleCheck aria-hidden className="size-3.5 text-[var(--st-green-fg)]" /> : <TriangleAlert aria-hidden className="size-3.5 text-[var(--st-red-fg)]" />}
        {count === 0 ? 'No problems: ready to publish' : `${count} problem${count === 1 ? '' : 's'} (saved as a draft; fix to publish)`}
      </h2>
      <ul className="px-1 pb-1">
        {textError && <li className="px-2 py-1 font-mono text-xs text-[var(--st-red-fg)]">YAML: {textError}</li>}
        {issues.map((issue, i) => (
          <li key={`${issue.path}-${i}`}>
            <button
              type="button"
              className="w-full rounded px-2 py-1 text-left font-mono text-xs hover:bg-surface-2"
              data-testid="problem"
              onClick={() => {
                store.getState().select(issue.step ? [issue.step] : issue.path.startsWith('trigger') ? ['$trigger'] : []);
                onFocusField?.(issue.step, issue.field);
              }}
            >
              {issue.message}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
