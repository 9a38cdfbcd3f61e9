import Link from 'next/link';
import type { WorkflowRef } from '@/engine/dto/registry';
import { Tag } from '@/components/ui/tag';
import { InlineCode } from '@/components/ui/inline-code';

/** One workflow bound to an event type: what runs, and under which filter. */
export function WorkflowBinding({ wf }: { wf: WorkflowRef }) {
  return (
    <li className="flex flex-col gap-0.5 rounded-md border border-border bg-surface px-3 py-2" data-testid={`workflow-${wf.name}`}>
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`/workflows/${encodeURIComponent(wf.name)}`} className="text-sm font-medium hover:text-accent hover:underline">
          {wf.name}
        </Link>
        <Tag mono>v{wf.version}</Tag>
        {!wf.enabled && <Tag tone="warning">disabled</Tag>}
      </div>
      {wf.description && <p className="text-xs text-muted"><InlineCode text={wf.description} /></p>}
      {wf.filter && (
        <p className="text-xs text-muted">
          only when <code className="rounded bg-surface-2 px-1 font-mono text-[11px] text-fg">{wf.filter}</code>
        </p>
      )}
    </li>
  );
}
