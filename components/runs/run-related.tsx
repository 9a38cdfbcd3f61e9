// Runs derived from this one (re-runs, resumes) and the events it emitted (event.emit).
import { CornerDownRight, Send } from 'lucide-react';
import Link from 'next/link';
import type { RunDetail } from '@/engine/dto/runs';
import { RelativeTime } from '@/components/ui/relative-time';

const REASON: Record<string, string> = { rerun: 're-run', resume: 'resumed', replay: 'replay', event: 'event' };
const chip =
  'inline-flex items-center gap-1.5 rounded-md border border-border bg-surface px-1.5 py-0.5 text-xs hover:border-border-strong';

export function RunRelated({ run }: { run: Pick<RunDetail, 'laterRuns' | 'emittedEvents'> }) {
  if (run.laterRuns.length === 0 && run.emittedEvents.length === 0) return null;
  return (
    <dl className="mt-3 grid gap-x-6 gap-y-3 border-t border-border pt-3 sm:grid-cols-2">
      {run.laterRuns.length > 0 && (
        <div className="min-w-0" data-testid="run-later-runs">
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">Later runs</dt>
          <dd className="mt-1 flex flex-wrap gap-1.5">
            {run.laterRuns.map((r) => (
              <Link key={r.id} href={`/runs/${r.id}`} className={chip} aria-label={`Run #${r.number} (${REASON[r.reason] ?? r.reason})`}>
                <CornerDownRight aria-hidden className="size-3 text-subtle" />
                <span className="font-mono">#{r.number}</span>
                <span className="text-muted">{REASON[r.reason] ?? r.reason}</span>
              </Link>
            ))}
          </dd>
        </div>
      )}
      {run.emittedEvents.length > 0 && (
        <div className="min-w-0" data-testid="run-emitted-events">
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">Emitted events</dt>
          <dd className="mt-1 flex flex-wrap gap-1.5">
            {run.emittedEvents.map((e) => (
              <Link key={e.id} href={`/events/${e.id}`} className={chip} aria-label={`Event ${e.source} / ${e.type}`}>
                <Send aria-hidden className="size-3 text-subtle" />
                <span className="font-mono">
                  {e.source} / {e.type}
                </span>
                <RelativeTime iso={e.receivedAt} className="text-muted" />
              </Link>
            ))}
          </dd>
        </div>
      )}
    </dl>
  );
}
