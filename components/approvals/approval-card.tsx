'use client';

// One inbox item: what is asked, by which run, decisions so far, and Approve / Reject with an
// optional reason. Decisions go to the same route as the run page's buttons.
import { Check, Clock, X } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import type { ApprovalItem } from '@/engine/dto/approvals';
import { useRefreshApprovals } from '@/lib/approvals';
import { useDecision } from '@/lib/run-ops';
import { ActionError } from '@/components/admin/action-error';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Field, Textarea } from '@/components/ui/field';
import { RelativeTime } from '@/components/ui/relative-time';
import { Tag } from '@/components/ui/tag';

export function ApprovalCard({ item }: { item: ApprovalItem }) {
  const decision = useDecision(item.runId, item.stepId);
  const refresh = useRefreshApprovals();
  const [reason, setReason] = useState('');
  const approvals = item.decisions.filter((d) => d.approve).length;
  const decide = (approve: boolean) => decision.mutate({ approve, reason: reason.trim() || undefined }, { onSuccess: () => void refresh() });

  return (
    <Card className="p-4" data-testid="approval-item" aria-labelledby={`ask-${item.runId}-${item.stepId}`}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <h2 id={`ask-${item.runId}-${item.stepId}`} className="text-sm font-semibold text-fg">
            {item.message}
          </h2>
          <p className="mt-0.5 text-xs text-muted">
            <Link href={`/runs/${item.runId}`} className="text-accent underline">
              Run #{item.runNumber}
            </Link>{' '}
            of {item.workflow.name} v{item.workflow.version}, step <code>{item.stepId}</code>, waiting since <RelativeTime iso={item.since} />
          </p>
        </div>
        <div className="flex flex-wrap gap-1.5">
          <Tag tone="warning">
            {approvals} of {item.required} approvals
          </Tag>
          {item.deadline && (
            <Tag title={item.deadline}>
              <Clock aria-hidden className="mr-1 inline size-3" />
              times out <RelativeTime iso={item.deadline} />
            </Tag>
          )}
        </div>
      </div>
      {item.decisions.length > 0 && (
        <ul className="mt-2 text-xs text-muted">
          {item.decisions.map((d) => (
            <li key={`${d.by}-${d.at}`}>
              {d.by} {d.approve ? 'approved' : 'rejected'} <RelativeTime iso={d.at} />
              {d.reason && `: ${d.reason}`}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-3 flex flex-col gap-2">
        <Field label="Reason (optional)">
          {(ids) => <Textarea {...ids} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="approval-reason" />}
        </Field>
        <div className="flex flex-wrap gap-2">
          <Button variant="primary" disabled={decision.isPending} onClick={() => decide(true)} data-testid="approval-approve">
            <Check aria-hidden /> Approve
          </Button>
          <Button variant="danger" disabled={decision.isPending} onClick={() => decide(false)} data-testid="approval-reject">
            <X aria-hidden /> Reject
          </Button>
        </div>
        {decision.isSuccess && decision.data.outcome === 'pending' && (
          <p role="status" className="text-xs text-muted">
            Decision recorded; more approvals are needed.
          </p>
        )}
        {decision.isError && <ActionError error={decision.error} title="Could not record the decision" testId="approval-error" />}
      </div>
    </Card>
  );
}
