'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Hand, Radio, Timer } from 'lucide-react';
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { StatusBadge } from '@/components/ui/status-badge';
import { RelativeTime } from '@/components/ui/relative-time';
import { RunDuration } from './run-duration';
import type { StepNode as StepNodeType } from './to-flow';
import { isOpenApproval, waitHeadline, waitSentence, type StepWait } from './wait-text';

// Accent stripe on the left edge per status; the badge carries icon + text for accessibility.
const STRIPE: Record<string, string> = {
  running: 'before:bg-[var(--st-blue-fg)]',
  succeeded: 'before:bg-[var(--st-green-fg)]',
  failed: 'before:bg-[var(--st-red-fg)]',
  waiting: 'before:bg-[var(--st-amber-fg)]',
};
const WAIT_ICON = { approval: Hand, event: Radio, delay: Timer } as const;

/** What a waiting step waits for, in one line: icon + "1/2 approvals" / "github / push". */
function WaitLine({ wait }: { wait: StepWait }) {
  const Icon = WAIT_ICON[wait.kind];
  return (
    <span className="flex min-w-0 items-center gap-1 text-[11px] text-[var(--st-amber-fg)]" data-testid="step-node-wait">
      <Icon aria-hidden className="size-3 shrink-0" />
      <span className="truncate font-mono">{waitHeadline(wait)}</span>
    </span>
  );
}

function StepNodeView({ data, selected }: NodeProps<StepNodeType>) {
  const { step } = data;
  const wait = step.status === 'waiting' ? step.wait : null;
  const approval = isOpenApproval(step);
  return (
    <div
      data-testid={`step-node-${step.id}`}
      data-status={step.status}
      data-wait={wait?.kind}
      title={[step.description, wait && waitSentence(wait)].filter(Boolean).join('\n') || undefined}
      className={cn(
        'relative flex h-[76px] w-[220px] flex-col justify-between overflow-hidden rounded-lg border py-2 pr-2.5 pl-3.5 shadow-sm',
        "before:absolute before:inset-y-0 before:left-0 before:w-1 before:content-['']",
        STRIPE[step.status] ?? 'before:bg-[var(--border-strong)]',
        approval ? 'bg-[var(--st-amber-bg)]' : 'bg-surface',
        selected ? 'border-accent ring-2 ring-accent/30' : approval ? 'border-[var(--st-amber-fg)]' : 'border-border',
        (step.status === 'skipped' || step.status === 'cancelled') && 'opacity-70',
      )}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!size-1.5 !border-0 !bg-border-strong" />
      <div className="flex items-center justify-between gap-2">
        <span className="flex min-w-0 items-center gap-1">
          {approval && <Hand aria-label="Needs approval" className="size-3.5 shrink-0 text-[var(--st-amber-fg)]" />}
          <span className="truncate font-mono text-xs font-semibold">{step.id}</span>
        </span>
        {wait && step.wakeAt ? (
          <span className="inline-flex shrink-0 items-center gap-0.5 text-[11px] text-muted" title="Deadline">
            <Timer aria-hidden className="size-3" />
            <RelativeTime iso={step.wakeAt} />
          </span>
        ) : (
          <RunDuration start={step.startedAt} end={step.finishedAt} className="shrink-0 font-mono text-[11px] text-muted tabular-nums" />
        )}
      </div>
      <div className="truncate font-mono text-[11px] text-muted">{step.action}</div>
      <div className="flex min-w-0 items-center gap-1.5">
        <StatusBadge status={step.status} />
        {wait ? (
          <WaitLine wait={wait} />
        ) : (
          step.attempts > 1 && <span className="text-[11px] text-muted">attempt {step.attempts}</span>
        )}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!size-1.5 !border-0 !bg-border-strong" />
    </div>
  );
}

export const StepNodeComponent = memo(StepNodeView);
