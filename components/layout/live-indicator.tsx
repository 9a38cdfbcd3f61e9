'use client';

import { useLiveStatus } from '@/lib/use-live-updates';
import { cn } from '@/lib/cn';

const TEXT = { live: 'Live', connecting: 'Connecting…', reconnecting: 'Reconnecting…' } as const;

/** Shows whether the live stream is connected, so a stale screen is never silently stale. */
export function LiveIndicator() {
  const status = useLiveStatus();
  return (
    <span
      role="status"
      data-testid="live-indicator"
      data-live={status}
      className="inline-flex items-center gap-1.5 text-xs text-muted"
    >
      <span
        aria-hidden
        className={cn(
          'size-2 rounded-full',
          status === 'live' ? 'bg-success' : 'animate-pulse bg-warning',
        )}
      />
      <span className="max-sm:sr-only">{TEXT[status]}</span>
    </span>
  );
}
