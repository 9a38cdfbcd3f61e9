import Link from 'next/link';
import type { RunRef } from '@/engine/dto/events';
import { StatusBadge } from '@/components/ui/status-badge';

/** The runs an event started, each a link with its status. */
export function RunRefs({ runs, compact }: { runs: RunRef[]; compact?: boolean }) {
  if (runs.length === 0) return <span className="text-xs text-subtle">no runs</span>;
  return (
    <ul className="flex flex-wrap items-center gap-1.5">
      {runs.map((r) => (
        <li key={r.id}>
          <Link
            href={`/runs/${r.id}`}
            className="inline-flex items-center gap-1.5 rounded-md border border-border bg-surface px-1.5 py-0.5 text-xs hover:border-border-strong"
            aria-label={`Run #${r.number} ${r.workflow}, ${r.status}`}
          >
            <StatusBadge status={r.status} variant="icon" />
            <span className="font-mono text-muted">#{r.number}</span>
            {!compact && <span className="max-w-40 truncate">{r.workflow}</span>}
          </Link>
        </li>
      ))}
    </ul>
  );
}
