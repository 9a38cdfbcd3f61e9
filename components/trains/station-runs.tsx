'use client';

// The runs that worked for one station, each with its steps. A run still going is read through
// the run query (['run', id]), which the live stream already keeps current step by step; finished
// runs load their steps only when opened.
import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { useEffect, useState } from 'react';
import type { stationRunSchema } from '@/engine/dto/trains';
import { isTerminalRun, RUN_STATUSES, type RunStatus } from '@/engine/run/status';
import { useRun } from '@/lib/queries';
import type { z } from 'zod';
import { RunDuration } from '@/components/runs/run-duration';
import { StatusBadge } from '@/components/ui/status-badge';

type StationRun = z.infer<typeof stationRunSchema>;

const asRunStatus = (s: string): RunStatus => ((RUN_STATUSES as readonly string[]).includes(s) ? (s as RunStatus) : 'queued');

function StationRunRow({ run }: { run: StationRun }) {
  const known = asRunStatus(run.status);
  // A run still working is open from the start: its steps (and a waiting approval) are the news.
  const [open, setOpen] = useState(() => !isTerminalRun(known));
  const live = useRun(run.id, { enabled: open || !isTerminalRun(known) });
  // The train says the run finished but the fetched run does not: the fetch raced the run's last
  // messages. The train's word wins, and the run is read again.
  const stale = isTerminalRun(known) && live.data !== undefined && !isTerminalRun(live.data.status);
  const { refetch } = live;
  useEffect(() => {
    if (stale) void refetch();
  }, [stale, refetch]);
  const status = stale ? known : (live.data?.status ?? known);
  const steps = live.data?.steps ?? [];
  return (
    <li data-testid={`station-run-${run.id}`} data-status={status}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="group">
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded px-1 py-1 hover:bg-surface-2 [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="size-3.5 shrink-0 text-subtle transition-transform group-open:rotate-90" />
          <Link href={`/runs/${run.id}`} className="font-mono text-xs font-medium hover:text-accent hover:underline" onClick={(e) => e.stopPropagation()}>
            #{run.number}
          </Link>
          <span className="min-w-0 flex-1 truncate text-xs">{run.workflow}</span>
          <StatusBadge status={status} />
          <RunDuration start={live.data?.startedAt ?? run.startedAt} end={live.data?.finishedAt ?? run.finishedAt} className="w-14 text-right font-mono text-xs text-muted tabular-nums" />
        </summary>
        <ul aria-label={`Steps of run ${run.number}`} className="mt-1 mb-2 ml-6 space-y-0.5 border-l border-border pl-3">
          {live.isPending && <li className="text-xs text-muted">Loading steps…</li>}
          {steps.map((s) => (
            <li key={s.id} className="flex items-center gap-2 text-xs" data-testid={`station-step-${s.id}`} data-status={s.status}>
              <StatusBadge status={s.status} variant="icon" />
              <Link href={`/runs/${run.id}?step=${encodeURIComponent(s.id)}`} className="min-w-0 flex-1 truncate font-mono hover:text-accent hover:underline">
                {s.id}
              </Link>
              {s.status === 'waiting' && s.wait?.kind === 'approval' && (
                <Link href={`/runs/${run.id}?step=${encodeURIComponent(s.id)}`} className="font-medium text-warning underline">
                  Needs approval
                </Link>
              )}
              <RunDuration start={s.startedAt} end={s.finishedAt} className="font-mono text-muted tabular-nums" />
            </li>
          ))}
        </ul>
      </details>
    </li>
  );
}

export function StationRuns({ runs }: { runs: StationRun[] }) {
  if (runs.length === 0) return null;
  return (
    <ul aria-label="Runs" className="space-y-0.5">
      {runs.map((r) => (
        <StationRunRow key={r.id} run={r} />
      ))}
    </ul>
  );
}
