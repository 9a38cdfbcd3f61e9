'use client';

import { MousePointerClick } from 'lucide-react';
import type { ReactNode } from 'react';
import type { StepRunDto } from '@/engine/dto/runs';
import { absoluteTime } from '@/lib/format';
import { useCan } from '@/lib/me';
import { useActions } from '@/lib/queries';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { JsonViewer } from '@/components/ui/json-viewer';
import { StatusBadge } from '@/components/ui/status-badge';
import { RunDuration } from './run-duration';
import { InlineCode } from '@/components/ui/inline-code';
import { ApprovalDecision } from './approval-decision';
import { StepLogs } from './step-logs';
import { StepWaitDetails } from './step-wait';
import { isOpenApproval } from './wait-text';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="border-t border-border px-4 py-3">
      <h3 className="mb-2 text-[11px] font-medium tracking-wide text-muted uppercase">{title}</h3>
      {children}
    </section>
  );
}

function Json({ value, empty }: { value: unknown; empty: string }) {
  if (value === null || value === undefined) return <p className="text-xs text-muted">{empty}</p>;
  return <JsonViewer value={value} expandDepth={2} className="max-h-72 rounded-md border border-border bg-surface-2 p-2" />;
}

/** Everything about one step run: why it exists, what it got, what it produced, what it said. */
export function StepDetailPanel({ runId, step }: { runId: string; step: StepRunDto | null }) {
  const actions = useActions();
  const canDecide = useCan('approvals.decide');
  if (!step) {
    return (
      <Card>
        <EmptyState icon={MousePointerClick} title="Select a step">
          Click a node in the graph or a row in the step list to see its inputs, outputs and logs.
        </EmptyState>
      </Card>
    );
  }
  const action = actions.data?.find((a) => a.id === step.action);
  const timings = [
    ['Queued', step.queuedAt],
    ['Started', step.startedAt],
    ['Finished', step.finishedAt],
    ...(step.wakeAt ? [[step.wait ? 'Deadline' : 'Wakes', step.wakeAt] as const] : []),
  ] as const;

  return (
    <Card data-testid="step-detail" data-step-id={step.id}>
      <CardHeader
        as="h2"
        title={<span className="font-mono">{step.id}</span>}
        description={
          <span>
            <span className="font-mono">{step.action}</span>
            {action && <span> · {action.title}</span>}
          </span>
        }
        actions={<StatusBadge status={step.status} />}
      />
      <div className="px-4 py-3 text-sm">
        {step.description ? <p><InlineCode text={step.description} /></p> : <p className="text-muted">No description.</p>}
        {action?.description && <p className="mt-1 text-xs text-muted">{action.description}</p>}
      </div>
      {step.error && (
        <Section title="Error">
          <pre className="rounded-md border tone-red p-2 font-mono text-xs whitespace-pre-wrap">{step.error}</pre>
        </Section>
      )}
      {step.wait && (
        <Section title={step.wait.resolved ? 'Waited for' : 'Waiting for'}>
          <StepWaitDetails wait={step.wait} wakeAt={step.wakeAt} />
          {canDecide && isOpenApproval(step) && <ApprovalDecision key={step.id} runId={runId} stepId={step.id} />}
        </Section>
      )}
      <Section title="Timing">
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-xs">
          {timings.map(([label, iso]) => (
            <div key={label} className="contents">
              <dt className="text-muted">{label}</dt>
              <dd className="font-mono">{absoluteTime(iso)}</dd>
            </div>
          ))}
          <dt className="text-muted">Duration</dt>
          <dd className="font-mono">
            <RunDuration start={step.startedAt} end={step.finishedAt} />
          </dd>
          <dt className="text-muted">Attempts</dt>
          <dd className="font-mono">{step.attempts}</dd>
          {step.needs.length > 0 && (
            <>
              <dt className="text-muted">Needs</dt>
              <dd className="font-mono">{step.needs.join(', ')}</dd>
            </>
          )}
        </dl>
      </Section>
      <Section title="Resolved inputs">
        <Json value={step.inputs} empty="Not resolved yet (the step has not started)." />
      </Section>
      <Section title="Outputs">
        <Json value={step.outputs} empty="No outputs." />
      </Section>
      <Section title="Logs">
        <StepLogs key={step.id} logs={step.logs} />
      </Section>
    </Card>
  );
}
