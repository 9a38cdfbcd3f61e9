// The one way a status (run, step, train, station, feature) is shown anywhere in the app: icon + text + colour, so a
// status never depends on colour alone and reads the same in both themes.
import {
  Ban,
  CircleCheck,
  CircleDashed,
  CircleDot,
  CircleX,
  Clock,
  Flag,
  Hourglass,
  LoaderCircle,
  OctagonX,
  SkipForward,
  TrainFront,
  type LucideIcon,
} from 'lucide-react';
import type { FEATURE_STATUSES, STATION_STATUSES, TRAIN_STATUSES } from '@/engine/dto/trains';
import type { RunStatus, StepStatus } from '@/engine/run/status';
import { cn } from '@/lib/cn';

// Trains, stations and features (issue 10) share running/pending/failed with runs.
export type TrainStatus = (typeof TRAIN_STATUSES)[number];
export type StationStatus = (typeof STATION_STATUSES)[number];
export type FeatureStatus = (typeof FEATURE_STATUSES)[number];
export type AnyStatus = RunStatus | StepStatus | TrainStatus | StationStatus | FeatureStatus;

interface Look {
  label: string;
  icon: LucideIcon;
  tone: string;
  spin?: boolean;
}

function lookOf(status: AnyStatus): Look {
  switch (status) {
    case 'queued':
      return { label: 'Queued', icon: Clock, tone: 'tone-slate' };
    case 'pending':
      return { label: 'Pending', icon: CircleDashed, tone: 'tone-grey' };
    case 'running':
      return { label: 'Running', icon: LoaderCircle, tone: 'tone-blue', spin: true };
    case 'waiting':
      return { label: 'Waiting', icon: Hourglass, tone: 'tone-amber' };
    case 'succeeded':
      return { label: 'Succeeded', icon: CircleCheck, tone: 'tone-green' };
    case 'failed':
      return { label: 'Failed', icon: CircleX, tone: 'tone-red' };
    case 'skipped':
      return { label: 'Skipped', icon: SkipForward, tone: 'tone-grey' };
    case 'cancelled':
      return { label: 'Cancelled', icon: Ban, tone: 'tone-grey' };
    case 'active':
      return { label: 'In progress', icon: LoaderCircle, tone: 'tone-blue', spin: true };
    case 'reached':
      return { label: 'Reached', icon: CircleCheck, tone: 'tone-green' };
    case 'arrived':
      return { label: 'Arrived', icon: Flag, tone: 'tone-green' };
    case 'derailed':
      return { label: 'Derailed', icon: OctagonX, tone: 'tone-red' };
    case 'open':
      return { label: 'Not ready', icon: CircleDashed, tone: 'tone-grey' };
    case 'ready':
      return { label: 'Ready', icon: CircleDot, tone: 'tone-amber' };
    case 'aboard':
      return { label: 'Aboard', icon: TrainFront, tone: 'tone-blue' };
    case 'released':
      return { label: 'Released', icon: CircleCheck, tone: 'tone-green' };
    default: {
      const never: never = status;
      return { label: String(never), icon: CircleDashed, tone: 'tone-grey' };
    }
  }
}

interface StatusBadgeProps {
  status: AnyStatus;
  /** `icon` shows only the icon (with an accessible label), for dense lists. */
  variant?: 'default' | 'icon';
  className?: string;
  'data-testid'?: string;
}

export function StatusBadge({ status, variant = 'default', className, ...rest }: StatusBadgeProps) {
  const { label, icon: Icon, tone, spin } = lookOf(status);
  if (variant === 'icon') {
    return (
      <span
        role="img"
        aria-label={label}
        title={label}
        data-status={status}
        data-testid={rest['data-testid']}
        className={cn('inline-flex size-5 items-center justify-center rounded-full border', tone, className)}
      >
        <Icon aria-hidden className={cn('size-3.5', spin && 'animate-spin')} />
      </span>
    );
  }
  return (
    <span
      data-status={status}
      data-testid={rest['data-testid']}
      className={cn(
        'inline-flex h-5 shrink-0 items-center gap-1 rounded-full border px-2 text-xs leading-none font-medium whitespace-nowrap',
        tone,
        className,
      )}
    >
      <Icon aria-hidden className={cn('size-3.5', spin && 'animate-spin')} />
      {label}
    </span>
  );
}
