import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { cn } from '@/lib/cn';

interface StatCardProps {
  label: string;
  value: string | number;
  hint: string;
  href: string;
  icon: LucideIcon;
  tone?: string;
}

/** One headline number that links to the list behind it. */
export function StatCard({ label, value, hint, href, icon: Icon, tone }: StatCardProps) {
  return (
    <Link
      href={href}
      className="group rounded-lg border border-border bg-surface p-4 shadow-xs transition-colors hover:border-border-strong"
    >
      <div className="flex items-center justify-between">
        <span className="text-xs font-medium text-muted">{label}</span>
        <span className={cn('flex size-6 items-center justify-center rounded-md border', tone ?? 'border-border bg-surface-2 text-muted')}>
          <Icon aria-hidden className="size-3.5" />
        </span>
      </div>
      <div className="mt-2 text-2xl font-semibold tracking-tight tabular-nums">{value}</div>
      <div className="mt-0.5 text-xs text-subtle group-hover:text-muted">{hint}</div>
    </Link>
  );
}
