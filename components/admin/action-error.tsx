'use client';

// The inline error of a write (cancel, re-run, replay, approve...). When the server refused for
// lack of an admin token, it says so and offers to set one right here.
import { KeyRound, TriangleAlert } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '@/lib/api';
import { isAuthError } from '@/lib/run-ops';
import { AdminTokenForm } from '@/components/layout/admin-token-form';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { cn } from '@/lib/cn';

export function ActionError({ error, title, className, testId }: {
  error: unknown;
  title: string;
  className?: string;
  testId?: string;
}) {
  const [open, setOpen] = useState(false);
  const auth = isAuthError(error);
  return (
    <>
      <div role="alert" data-testid={testId} className={cn('flex items-start gap-2 rounded-md border tone-red p-2.5 text-sm', className)}>
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div className="min-w-0 flex-1">
          <p className="font-medium">{title}</p>
          <p className="mt-0.5 break-words text-fg/80">{errorMessage(error)}</p>
          {auth && (
            <p className="mt-1.5 text-xs text-fg/80">
              This needs the admin token.{' '}
              <Button size="sm" variant="secondary" className="ml-1 align-middle" onClick={() => setOpen(true)}>
                <KeyRound aria-hidden /> Set admin token
              </Button>
            </p>
          )}
        </div>
      </div>
      {/* Outside the alert, so the alert's text stays the error alone. */}
      <Dialog open={open} onClose={() => setOpen(false)} title="Admin token" description="Needed to operate runs, replay events and decide approvals.">
        <AdminTokenForm onDone={() => setOpen(false)} />
      </Dialog>
    </>
  );
}
