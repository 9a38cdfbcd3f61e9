'use client';

// Why a run exists: an event, a replay of one, or a re-run/resume of an earlier run (linked).
import Link from 'next/link';
import type { RunSummary } from '@/engine/dto/runs';
import { shortId } from '@/lib/format';
import { useRun } from '@/lib/queries';

const PREFIX: Record<RunSummary['reason'], string> = {
  event: 'Event',
  replay: 'Replay of the event',
  rerun: 'Re-run of',
  resume: 'Resumed from',
};

/** The previous run's number comes from its own (cached, live) detail; its id until that loads. */
function PreviousRunLink({ id }: { id: string }) {
  const prev = useRun(id);
  return (
    <Link href={`/runs/${id}`} className="font-mono text-xs text-accent hover:underline" data-testid="run-previous-link">
      {prev.data ? `#${prev.data.number}` : shortId(id)}
    </Link>
  );
}

export function RunOrigin({ run }: { run: Pick<RunSummary, 'reason' | 'previousRunId'> }) {
  return (
    <span data-testid="run-reason" data-reason={run.reason} className="inline-flex items-center gap-1">
      {PREFIX[run.reason]}
      {run.previousRunId && <PreviousRunLink id={run.previousRunId} />}
    </span>
  );
}
