'use client';

// A pipeline drawn as a railway line: stations in order on a track, the train's marker above the
// station it is at. The marker is positioned by percentage and eased, so when a live update moves
// the train to the next station it visibly rolls there instead of jumping.
import { AlarmClock, Check, TrainFront, X } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { markerIndex, stationCentre, trainWhere, type LineStation, type LineTrain } from './line-model';

interface RailwayLineProps {
  stations: LineStation[];
  train: LineTrain | null;
  /** Makes the marker a link (to the train page). */
  trainHref?: string;
  /** Makes station names links (e.g. to their card on the train page). */
  stationHref?: (key: string) => string;
  /** Extra lines under a station's name (status, times). */
  detail?: (station: LineStation) => ReactNode;
  compact?: boolean;
  label?: string;
  'data-testid'?: string;
}

const DOT: Record<LineStation['status'], string> = {
  pending: 'border-border-strong bg-surface text-subtle',
  active: 'tone-blue ring-4 ring-[color-mix(in_oklab,var(--st-blue-fg)_20%,transparent)]',
  reached: 'tone-green',
  failed: 'tone-red',
};

const MARKER: Record<LineTrain['status'], string> = {
  running: 'bg-accent text-accent-fg border-transparent',
  arrived: 'tone-green',
  derailed: 'tone-red',
};

export function RailwayLine({ stations, train, trainHref, stationHref, detail, compact, label = 'Stations', ...rest }: RailwayLineProps) {
  const n = Math.max(stations.length, 1);
  const at = markerIndex(stations, train);
  const progress = at === null ? 0 : train?.status === 'arrived' ? 100 : stationCentre(at, n) - stationCentre(0, n);
  const top = compact ? 'top-[2.125rem]' : 'top-[2.625rem]';
  const markerClass = cn(
    'absolute top-0 z-10 inline-flex h-7 -translate-x-1/2 items-center gap-1 rounded-full border px-2 text-xs font-semibold whitespace-nowrap shadow-sm',
    'transition-[left] duration-700 ease-in-out motion-reduce:transition-none',
    train && (train.kind === 'hotfix' && train.status === 'running' ? 'tone-amber' : MARKER[train.status]),
  );
  const marker = train && at !== null && (
    <>
      <TrainFront aria-hidden className="size-3.5" />
      <span>#{train.number}</span>
      {!compact && <span className="font-mono font-medium opacity-80">{train.version}</span>}
    </>
  );

  return (
    <div className="overflow-x-auto" data-testid={rest['data-testid'] ?? 'railway-line'}>
      <div className="relative px-2" style={{ minWidth: `${n * (compact ? 6 : 8.5)}rem` }}>
        {/* The track: two rails with sleepers; the part behind the train is drawn in green. */}
        <div
          aria-hidden
          className={cn('absolute h-2 border-y-2 border-border-strong', top)}
          style={{ left: `${stationCentre(0, n)}%`, right: `${100 - stationCentre(n - 1, n)}%`, backgroundImage: 'repeating-linear-gradient(90deg, var(--border) 0 3px, transparent 3px 10px)' }}
        />
        <div
          aria-hidden
          className={cn('absolute h-2 border-y-2 border-[var(--st-green-fg)] transition-[width] duration-700 ease-in-out motion-reduce:transition-none', top)}
          style={{ left: `${stationCentre(0, n)}%`, width: `${Math.min(progress, stationCentre(n - 1, n) - stationCentre(0, n))}%` }}
        />
        {marker &&
          (trainHref ? (
            <Link href={trainHref} data-testid="train-marker" data-station={train?.station ?? ''} data-status={train?.status} aria-label={trainWhere(train!, stations)} title={trainWhere(train!, stations)} className={cn(markerClass, 'hover:brightness-110')} style={{ left: `${stationCentre(at!, n)}%` }}>
              {marker}
            </Link>
          ) : (
            <span role="img" data-testid="train-marker" data-station={train?.station ?? ''} data-status={train?.status} aria-label={trainWhere(train!, stations)} title={trainWhere(train!, stations)} className={markerClass} style={{ left: `${stationCentre(at!, n)}%` }}>
              {marker}
            </span>
          ))}
        <ol aria-label={label} className="relative grid" style={{ gridTemplateColumns: `repeat(${n}, minmax(0, 1fr))` }}>
          {stations.map((s, i) => (
            <li key={s.key} data-testid={`line-station-${s.key}`} data-status={s.status} className={cn('flex flex-col items-center px-1 text-center', compact ? 'pt-7' : 'pt-9')}>
              <span aria-hidden className={cn('flex size-5 items-center justify-center rounded-full border-2', DOT[s.status], s.overdue && 'ring-4 ring-[color-mix(in_oklab,var(--st-amber-fg)_35%,transparent)]')}>
                {s.status === 'reached' && <Check className="size-3" strokeWidth={3} />}
                {s.status === 'failed' && <X className="size-3" strokeWidth={3} />}
                {s.status === 'active' && <span className="size-1.5 animate-pulse rounded-full bg-current" />}
              </span>
              <span className="sr-only">{`Station ${i + 1}: `}</span>
              {stationHref ? (
                <Link href={stationHref(s.key)} className="mt-1.5 line-clamp-2 text-xs font-medium hover:text-accent hover:underline">
                  {s.name}
                </Link>
              ) : (
                <span className="mt-1.5 line-clamp-2 text-xs font-medium">{s.name}</span>
              )}
              <span className="sr-only">{`, ${s.status}`}</span>
              {s.overdue && (
                <span className="mt-1 inline-flex items-center gap-1 text-[11px] font-medium text-warning" data-testid={`line-overdue-${s.key}`}>
                  <AlarmClock aria-hidden className="size-3" /> Overdue
                </span>
              )}
              {detail?.(s)}
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
