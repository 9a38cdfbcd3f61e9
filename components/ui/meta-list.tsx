import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** Label/value facts in a compact responsive grid (ids, timings, links) for detail headers. */
export function MetaList({ items, className }: { items: { label: string; value: ReactNode }[]; className?: string }) {
  return (
    <dl className={cn('grid grid-cols-2 gap-x-6 gap-y-3 sm:grid-cols-3 lg:grid-cols-6', className)}>
      {items.map((it) => (
        <div key={it.label} className="min-w-0">
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">{it.label}</dt>
          <dd className="mt-0.5 truncate text-sm">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}
