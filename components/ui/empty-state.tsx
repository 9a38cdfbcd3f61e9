import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

interface EmptyStateProps {
  icon: LucideIcon;
  title: string;
  children?: ReactNode;
  className?: string;
}

/** What to show when there is nothing yet: say what this place is for and how to fill it. */
export function EmptyState({ icon: Icon, title, children, className }: EmptyStateProps) {
  return (
    <div className={cn('flex flex-col items-center px-6 py-10 text-center', className)}>
      <div className="mb-3 flex size-10 items-center justify-center rounded-full border border-border bg-surface-2">
        <Icon aria-hidden className="size-5 text-muted" />
      </div>
      <h3 className="text-sm font-semibold">{title}</h3>
      {children && <div className="mt-1 w-full max-w-xl text-sm text-muted">{children}</div>}
    </div>
  );
}
