// The building blocks: every action with its own description and the live workflow steps that use
// it (search links here as /processes#action-<id>).
import Link from 'next/link';
import { workflowAnchor } from '@/engine/docs/process-graph';
import type { ProcessEntryDto } from '@/engine/dto/processes';
import type { ActionInfo } from '@/lib/queries';
import { Tag } from '@/components/ui/tag';

export function ActionCatalog({ actions, entries }: { actions: ActionInfo[]; entries: ProcessEntryDto[] }) {
  const uses = new Map<string, { workflow: string; step: string }[]>();
  for (const l of entries.flatMap((e) => e.listeners)) {
    for (const s of l.steps) uses.set(s.action, [...(uses.get(s.action) ?? []), { workflow: l.name, step: s.id }]);
  }
  return (
    <section id="actions" aria-labelledby="actions-h" className="scroll-mt-16">
      <h2 id="actions-h" className="mb-1 text-base font-semibold">Actions</h2>
      <p className="mb-3 text-sm text-muted">The building blocks every step uses, and where they are used.</p>
      <ul className="grid gap-2 md:grid-cols-2">
        {actions.map((a) => (
          <li key={a.id} id={`action-${a.id}`} className="scroll-mt-16 rounded-lg border border-border bg-surface px-3 py-2" data-testid="process-action">
            <div className="flex flex-wrap items-center gap-2">
              <span className="text-sm font-medium">{a.title}</span>
              <Tag mono>{a.id}</Tag>
              {a.kind === 'meta' && <Tag>meta</Tag>}
            </div>
            <p className="mt-0.5 text-xs text-muted">{a.description}</p>
            <p className="mt-1 flex flex-wrap gap-x-2 text-xs">
              {(uses.get(a.id) ?? []).length === 0 ? (
                <span className="text-subtle">Not used by a live workflow.</span>
              ) : (
                uses.get(a.id)!.map((u) => (
                  <Link key={`${u.workflow}/${u.step}`} href={`/processes#${workflowAnchor(u.workflow)}`} className="font-mono text-accent hover:underline">
                    {u.workflow} › {u.step}
                  </Link>
                ))
              )}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
