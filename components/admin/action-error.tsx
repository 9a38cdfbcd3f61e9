'use client';

// The inline error of a write (cancel, re-run, replay, approve...). The server's message already
// names the problem (e.g. "your role (viewer) may not do this"); a 401 never lands here for long,
// because lib/api.ts sends the browser to /signin.
import { TriangleAlert } from 'lucide-react';
import { errorMessage } from '@/lib/api';
import { isAuthError } from '@/lib/run-ops';
import { cn } from '@/lib/cn';

export function ActionError({ error, title, className, testId }: {
  error: unknown;
  title: string;
  className?: string;
  testId?: string;
}) {
  return (
    <div role="alert" data-testid={testId} className={cn('flex items-start gap-2 rounded-md border tone-red p-2.5 text-sm', className)}>
      <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="min-w-0 flex-1">
        <p className="font-medium">{title}</p>
        <p className="mt-0.5 break-words text-fg/80">{errorMessage(error)}</p>
        {isAuthError(error) && <p className="mt-1.5 text-xs text-fg/80">Ask an admin for a role that may do this.</p>}
      </div>
    </div>
  );
}
