'use client';

import { formatDuration, span, useNow } from '@/lib/format';

/** Elapsed time; ticks every second while the span is open (a running run or step). */
export function RunDuration({ start, end, className }: { start: string | null; end: string | null; className?: string }) {
  const now = useNow(start && !end ? 1000 : 60_000);
  return <span className={className}>{formatDuration(span(start, end, now))}</span>;
}
