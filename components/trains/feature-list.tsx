// Features as a compact list: key (linked to the tracker when known), title, owner, status, and a
// note such as "missed train #12". Shared by the pipeline page and the train page's manifest.
import { ExternalLink } from 'lucide-react';
import type { ReactNode } from 'react';
import type { FEATURE_STATUSES } from '@/engine/dto/trains';
import { StatusBadge } from '@/components/ui/status-badge';

export interface FeatureItem {
  key: string;
  title: string;
  link: string | null;
  owner: string | null;
  branch?: string | null;
  status: (typeof FEATURE_STATUSES)[number];
  note?: ReactNode;
}

const safeHref = (link: string | null) => (link && /^https?:\/\//i.test(link) ? link : null);

export function FeatureList({ items, actions, empty, label = 'Features' }: { items: FeatureItem[]; actions?: (f: FeatureItem) => ReactNode; empty: ReactNode; label?: string }) {
  if (items.length === 0) return <p className="px-4 py-6 text-center text-sm text-muted">{empty}</p>;
  return (
    <ul aria-label={label} className="divide-y divide-border">
      {items.map((f) => {
        const href = safeHref(f.link);
        return (
          <li key={f.key} data-testid={`feature-${f.key}`} data-status={f.status} className="flex flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5">
            <div className="min-w-0 flex-1">
              <div className="flex min-w-0 items-center gap-2">
                {href ? (
                  <a href={href} target="_blank" rel="noopener noreferrer" className="inline-flex shrink-0 items-center gap-1 font-mono text-xs font-semibold text-accent hover:underline">
                    {f.key} <ExternalLink aria-hidden className="size-3" />
                  </a>
                ) : (
                  <span className="shrink-0 font-mono text-xs font-semibold">{f.key}</span>
                )}
                <span className="min-w-0 truncate text-sm" title={f.title}>
                  {f.title}
                </span>
              </div>
              <div className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-muted">
                <span>{f.owner ? `Owner: ${f.owner}` : 'No owner'}</span>
                {f.branch && <span className="font-mono">{f.branch}</span>}
                {f.note}
              </div>
            </div>
            <StatusBadge status={f.status} data-testid={`feature-status-${f.key}`} />
            {actions?.(f)}
          </li>
        );
      })}
    </ul>
  );
}
