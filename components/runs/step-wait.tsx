'use client';

// The "Waiting for" section of the step panel: the event (source/type + match expression), the
// approval (message, required count, approvers, decisions so far) or the delay, with deadline.
import { Check, X } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { RelativeTime } from '@/components/ui/relative-time';
import { Tag } from '@/components/ui/tag';
import { approvalCount, requiredApprovals, type StepWait } from './wait-text';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="contents">
      <dt className="text-muted">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

function Decisions({ wait }: { wait: StepWait }) {
  const list = wait.decisions ?? [];
  if (list.length === 0) return <span className="text-muted">none yet</span>;
  return (
    <ul className="flex flex-col gap-1" aria-label="Decisions">
      {list.map((d, i) => (
        <li key={`${d.by}-${d.at}-${i}`} className="flex flex-wrap items-center gap-1.5">
          <span className={cn('inline-flex items-center gap-1 font-medium', d.approve ? 'text-success' : 'text-danger')}>
            {d.approve ? <Check aria-hidden className="size-3.5" /> : <X aria-hidden className="size-3.5" />}
            {d.approve ? 'approved' : 'rejected'}
          </span>
          <span>by {d.by}</span>
          <RelativeTime iso={d.at} className="text-muted" />
          {d.reason && <q className="w-full text-muted">{d.reason}</q>}
        </li>
      ))}
    </ul>
  );
}

export function StepWaitDetails({ wait, wakeAt }: { wait: StepWait; wakeAt: string | null }) {
  return (
    <div data-testid="step-wait" data-wait-kind={wait.kind} data-resolved={wait.resolved}>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-xs">
        <Row label="Kind">
          <span className="capitalize">{wait.kind}</span>{' '}
          {wait.resolved && <Tag tone="success">resolved</Tag>}
        </Row>
        {wait.kind === 'event' && (
          <>
            <Row label="Event">
              <span className="font-mono">
                {wait.source} / {wait.type}
              </span>
            </Row>
            {wait.match && (
              <Row label="Match">
                <code className="block rounded border border-border bg-surface-2 px-1.5 py-1 font-mono whitespace-pre-wrap">
                  {wait.match}
                </code>
              </Row>
            )}
          </>
        )}
        {wait.kind === 'approval' && (
          <>
            {wait.message && <Row label="Message">{wait.message}</Row>}
            <Row label="Approvals">
              <span className="font-mono">
                {approvalCount(wait)} of {requiredApprovals(wait)}
              </span>{' '}
              required
            </Row>
            {wait.approvers && wait.approvers.length > 0 && <Row label="Approvers">{wait.approvers.join(', ')}</Row>}
            <Row label="Decisions">
              <Decisions wait={wait} />
            </Row>
          </>
        )}
        <Row label="Since">
          <RelativeTime iso={wait.since} />
        </Row>
        <Row label={wait.kind === 'delay' ? 'Until' : 'Deadline'}>
          {wakeAt ? <RelativeTime iso={wakeAt} /> : <span className="text-muted">none</span>}
        </Row>
      </dl>
    </div>
  );
}
