'use client';

import { absoluteTime, relativeTime, useNow } from '@/lib/format';

/** "3 min ago", with the exact time on hover and in the machine-readable dateTime. */
export function RelativeTime({ iso, className }: { iso: string | null | undefined; className?: string }) {
  const now = useNow(15_000);
  if (!iso) return <span className={className}>—</span>;
  return (
    <time dateTime={iso} title={absoluteTime(iso)} className={className}>
      {relativeTime(iso, now)}
    </time>
  );
}
