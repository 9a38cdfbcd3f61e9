'use client';

// Approve / Reject for a step waiting on approval.request, with an optional reason. The decision
// is recorded under the signed-in person's name; the step wakes once the outcome is settled.
import { Check, X } from 'lucide-react';
import { useState } from 'react';
import { useDecision } from '@/lib/run-ops';
import { ActionError } from '@/components/admin/action-error';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';

const OUTCOME = {
  approved: 'Approved: the step continues.',
  rejected: 'Rejected: the step fails.',
  pending: 'Decision recorded; more approvals are needed.',
} as const;

export function ApprovalDecision({ runId, stepId }: { runId: string; stepId: string }) {
  const decision = useDecision(runId, stepId);
  const [reason, setReason] = useState('');
  const decide = (approve: boolean) =>
    decision.mutate({ approve, reason: reason.trim() || undefined }, { onSuccess: () => setReason('') });
  const busy = decision.isPending;

  return (
    <div className="mt-3 flex flex-col gap-2 rounded-md border tone-amber p-3 text-fg" data-testid="approval-decision">
      <Field label="Reason (optional)">
        {(ids) => (
          <Textarea
            {...ids}
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="Why you approve or reject (shown in the run)"
            data-testid="approval-reason"
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" disabled={busy} onClick={() => decide(true)} data-testid="approval-approve">
          <Check aria-hidden /> {busy && decision.variables?.approve ? 'Approving…' : 'Approve'}
        </Button>
        <Button variant="danger" disabled={busy} onClick={() => decide(false)} data-testid="approval-reject">
          <X aria-hidden /> {busy && decision.variables?.approve === false ? 'Rejecting…' : 'Reject'}
        </Button>
      </div>
      {decision.isSuccess && (
        <p role="status" className="text-xs" data-testid="approval-outcome" data-outcome={decision.data.outcome}>
          {OUTCOME[decision.data.outcome]}
        </p>
      )}
      {decision.isError && <ActionError error={decision.error} title="Could not record the decision" testId="approval-error" />}
    </div>
  );
}
