'use client';

// The workflow's change history on its own page: each version with who published it and why, and a
// link to that version's diff on the history page.
import Link from 'next/link';
import type { WorkflowVersionItem } from '@/engine/dto/workflow-versions';
import { Card, CardHeader } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { Tag } from '@/components/ui/tag';

const SHOWN = 6;

export function ChangeHistory({ name, versions }: { name: string; versions: WorkflowVersionItem[] }) {
  const history = `/workflows/${encodeURIComponent(name)}/history`;
  return (
    <Card data-testid="change-history">
      <CardHeader title="Change history" description={`${versions.length} version${versions.length === 1 ? '' : 's'}`} actions={<Link className="text-xs text-accent hover:underline" href={history}>Full history</Link>} />
      <ol className="divide-y divide-border">
        {versions.slice(0, SHOWN).map((v, i) => {
          const previous = versions[i + 1];
          return (
            <li key={v.version} className="flex items-start gap-3 px-4 py-2.5">
              <Tag mono>v{v.version}</Tag>
              <div className="min-w-0 flex-1">
                <p className="truncate text-sm">{v.message || <span className="text-muted">no message</span>}</p>
                <p className="text-xs text-muted">{v.author ?? 'unknown'} · <RelativeTime iso={v.createdAt} /></p>
              </div>
              {previous ? (
                <Link className="shrink-0 text-xs text-accent hover:underline" href={`${history}?from=${previous.version}&to=${v.version}`} data-testid={`diff-link-${v.version}`}>
                  Changes
                </Link>
              ) : (
                <span className="shrink-0 text-xs text-subtle">first version</span>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
