'use client';

// Past trains of a pipeline, newest first: version, outcome, when, how long, and (opened) the
// changelog and derail reason. Details load when a row is opened; the list stays one request.
import { ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import type { TrainSummary } from '@/engine/dto/trains';
import { useTrain } from '@/lib/train-queries';
import { RunDuration } from '@/components/runs/run-duration';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { Tag } from '@/components/ui/tag';
import { Changelog } from './changelog';

function TrainDetails({ id }: { id: string }) {
  const q = useTrain(id);
  if (q.isPending) return <p className="text-xs text-muted">Loading the changelog…</p>;
  if (q.isError) return <p className="text-xs text-danger">Could not load this train.</p>;
  return (
    <div className="space-y-2">
      {q.data.derailReason && (
        <p className="text-sm">
          <span className="font-medium text-danger">Derailed:</span> {q.data.derailReason}
        </p>
      )}
      {q.data.features.length > 0 && (
        <p className="text-xs text-muted">Aboard: {q.data.features.map((f) => f.key).join(', ')}</p>
      )}
      <Changelog text={q.data.changelog} />
    </div>
  );
}

function HistoryRow({ train }: { train: TrainSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <li data-testid={`history-train-${train.number}`} data-status={train.status}>
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)} className="group">
        <summary className="grid cursor-pointer list-none grid-cols-[1rem_4rem_minmax(0,1fr)_auto] items-center gap-3 px-4 py-2.5 hover:bg-surface-2 sm:grid-cols-[1rem_4rem_minmax(0,1fr)_7rem_8rem_5rem_5rem] [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="size-3.5 text-subtle transition-transform group-open:rotate-90" />
          <Link href={`/trains/${train.id}`} className="font-mono text-xs font-medium hover:text-accent hover:underline" onClick={(e) => e.stopPropagation()}>
            #{train.number}
          </Link>
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-mono text-sm">{train.version}</span>
            {train.kind === 'hotfix' && <Tag tone="warning">Hotfix</Tag>}
          </span>
          <StatusBadge status={train.status} />
          <RelativeTime iso={train.startedAt} className="hidden text-xs text-muted sm:block" />
          <RunDuration start={train.startedAt} end={train.finishedAt} className="hidden text-right font-mono text-xs text-muted tabular-nums sm:block" />
          <span className="hidden text-right text-xs text-muted sm:block">{train.features === 1 ? '1 feature' : `${train.features} features`}</span>
        </summary>
        <div className="border-t border-border bg-surface-2/40 px-4 py-3 pl-11">{open && <TrainDetails id={train.id} />}</div>
      </details>
    </li>
  );
}

export function HistoryList({ trains }: { trains: TrainSummary[] }) {
  return (
    <>
      <div aria-hidden className="hidden grid-cols-[1rem_4rem_minmax(0,1fr)_7rem_8rem_5rem_5rem] gap-3 border-b border-border bg-surface-2/60 px-4 py-1.5 text-[11px] font-medium tracking-wide text-muted uppercase sm:grid">
        <span />
        <span>Train</span>
        <span>Version</span>
        <span>Outcome</span>
        <span>Departed</span>
        <span className="text-right">Duration</span>
        <span className="text-right">Aboard</span>
      </div>
      <ul aria-label="Trains, newest first" className="divide-y divide-border">
        {trains.map((t) => (
          <HistoryRow key={t.id} train={t} />
        ))}
      </ul>
    </>
  );
}
