'use client';

import { absoluteTime, relativeTime, useNow } from '@/lib/format';

/** "3 min ago", with the exact time on hover and in the machine-readable dateTime. */
export function RelativeTime({ iso, className }: { iso: string | null | undefined; className?: string }) {
  // The ticking clock can be up to 15 s old when new data renders: never older than this render,
  // or a time that just happened reads "in 11 sec.".
  const now = Math.max(useNow(15_000), Date.now());
  if (!iso) return <span className={className}>—</span>;
  return (
    <time dateTime={iso} title={absoluteTime(iso)} className={className}>
      {relativeTime(iso, now)}
    </time>
  );
}
