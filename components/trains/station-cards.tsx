'use client';

// Each station of a train in order: status, when it was reached, how long it took (counting up
// while it is in progress), the runs that worked for it, and a flag when it waits longer than usual.
// A derailed train's station in progress stopped with it: shown as derailed, its time frozen.
// A station reached by an event links to that event.
import { AlarmClock } from 'lucide-react';
import Link from 'next/link';
import type { TrainDetail } from '@/engine/dto/trains';
import { formatDuration as describeDuration } from '@/engine/trains/describe';
import { absoluteTime, formatDuration } from '@/lib/format';
import { RunDuration } from '@/components/runs/run-duration';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { Tag } from '@/components/ui/tag';
import { StationRuns } from './station-runs';

type Station = TrainDetail['stations'][number];

function Timing({ s, stoppedAt }: { s: Station; stoppedAt: string | null }) {
  if (s.status === 'pending') return <span className="text-xs text-subtle">Not reached yet</span>;
  return (
    <span className="flex flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted">
      {s.reachedAt ? (
        <span>
          Reached <RelativeTime iso={s.reachedAt} /> <span className="text-subtle">({absoluteTime(s.reachedAt)})</span>
        </span>
      ) : s.startedAt ? (
        <span>
          Started <RelativeTime iso={s.startedAt} />
        </span>
      ) : null}
      {s.status === 'active' && s.startedAt ? (
        <span>
          {stoppedAt ? 'stopped after ' : 'for '}
          <RunDuration start={s.startedAt} end={stoppedAt} className="font-mono tabular-nums" />
        </span>
      ) : s.durationMs !== null ? (
        <span>
          took <span className="font-mono tabular-nums">{formatDuration(s.durationMs)}</span>
        </span>
      ) : null}
      {s.expectedMinutes !== null && s.expectedMinutes > 0 && <span className="text-subtle">usually {describeDuration(s.expectedMinutes * 60_000)}</span>}
    </span>
  );
}

export function StationCards({ stations, train }: { stations: Station[]; train: Pick<TrainDetail, 'status' | 'finishedAt'> }) {
  const derailed = train.status === 'derailed';
  return (
    <ol aria-label="Stations in order" className="divide-y divide-border">
      {stations.map((s, i) => (
        <li key={s.key} id={`station-${s.key}`} data-testid={`station-${s.key}`} data-status={s.status} data-overdue={s.overdue || undefined} className="scroll-mt-20 px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs text-subtle">{i + 1}</span>
            <h3 className="text-sm font-semibold">{s.name}</h3>
            <StatusBadge status={derailed && s.status === 'active' ? 'derailed' : s.status} data-testid={`station-status-${s.key}`} />
            {s.overdue && (
              <Tag tone="warning" title="Waiting longer than this station usually takes">
                <AlarmClock aria-hidden className="size-3" /> Overdue
              </Tag>
            )}
            <span className="ml-auto font-mono text-[11px] text-subtle">reached by {s.reachedBy}</span>
          </div>
          <div className="mt-1">
            <Timing s={s} stoppedAt={derailed ? train.finishedAt : null} />
          </div>
          {s.runs.length > 0 && (
            <div className="mt-2">
              <StationRuns runs={s.runs} />
            </div>
          )}
          {s.reachedByEventId && (
            <p className="mt-1 text-xs text-muted">
              Reached by event{' '}
              <Link href={`/events/${s.reachedByEventId}`} data-testid={`station-event-${s.key}`} className="font-mono text-accent hover:underline">
                {s.reachedByEventId}
              </Link>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
