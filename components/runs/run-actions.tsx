'use client';

// Cancel / Re-run / Resume for one run. Re-run and resume create a new run and navigate to it;
// cancel asks first. Errors show inline under the buttons. Buttons the caller's role may not use
// are not shown (the API refuses them anyway).
import { Ban, RotateCcw, StepForward } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { RunDetail } from '@/engine/dto/runs';
import { isTerminalRun } from '@/engine/run/status';
import { useCan } from '@/lib/me';
import { useRunOp, type RunOp } from '@/lib/run-ops';
import { ActionError } from '@/components/admin/action-error';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';

const LABEL: Record<RunOp, string> = { cancel: 'cancel the run', rerun: 're-run', resume: 'resume' };

export function RunActions({ run }: { run: Pick<RunDetail, 'id' | 'number' | 'status'> }) {
  const router = useRouter();
  const op = useRunOp(run.id);
  const [confirming, setConfirming] = useState(false);
  const busy = op.isPending;
  const resumable = run.status === 'failed' || run.status === 'cancelled';
  const canCancel = useCan('runs.cancel');
  const canRerun = useCan('runs.rerun');

  const start = (kind: RunOp) =>
    op.mutate(kind, {
      onSuccess: (res) => {
        if (kind !== 'cancel') router.push(`/runs/${res.id}`);
      },
      onSettled: () => setConfirming(false),
    });
  const pendingLabel = (kind: RunOp, idle: string, working: string) => (busy && op.variables === kind ? working : idle);

  return (
    <div className="flex flex-col items-end gap-2">
      <div role="group" aria-label="Run actions" className="flex flex-wrap items-center gap-2">
        {canCancel && !isTerminalRun(run.status) && (
          <Button variant="danger" disabled={busy} onClick={() => setConfirming(true)} data-testid="run-action-cancel">
            <Ban aria-hidden /> {pendingLabel('cancel', 'Cancel', 'Cancelling…')}
          </Button>
        )}
        {canRerun && resumable && (
          <Button
            disabled={busy}
            onClick={() => start('resume')}
            data-testid="run-action-resume"
            title="Start a new run that keeps the succeeded steps and continues from the failed one"
          >
            <StepForward aria-hidden /> {pendingLabel('resume', 'Resume from failed step', 'Resuming…')}
          </Button>
        )}
        {canRerun && (
          <Button
            disabled={busy}
            onClick={() => start('rerun')}
            data-testid="run-action-rerun"
            title="Start a new run of the same workflow version for the same event"
          >
            <RotateCcw aria-hidden /> {pendingLabel('rerun', 'Re-run', 'Starting…')}
          </Button>
        )}
      </div>
      {op.isError && (
        <ActionError
          error={op.error}
          title={`Could not ${LABEL[op.variables ?? 'rerun']}`}
          className="max-w-md"
          testId="run-action-error"
        />
      )}
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={`Cancel run #${run.number}?`}
        description="Running and waiting steps are stopped and pending ones never start. The run's history is kept."
      >
        <div className="flex justify-end gap-2">
          <Button onClick={() => setConfirming(false)} autoFocus>
            Keep running
          </Button>
          <Button variant="danger" disabled={busy} onClick={() => start('cancel')} data-testid="run-action-cancel-confirm">
            <Ban aria-hidden /> {busy ? 'Cancelling…' : 'Cancel run'}
          </Button>
        </div>
      </Dialog>
    </div>
  );
}
