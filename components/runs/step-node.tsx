'use client';

import type { NodeProps } from '@xyflow/react';
import { Hand, Radio, Timer } from 'lucide-react';
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { NodeFrame, NodeTitle } from '@/components/flow-editor/nodes/node-frame';
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

// Zoomed out, the stripe is not enough to find the red one among 300: the whole node takes the tint.
const TINT: Record<string, string> = {
  running: 'bg-[var(--st-blue-bg)]',
  succeeded: 'bg-[var(--st-green-bg)]',
  failed: 'bg-[var(--st-red-bg)]',
  waiting: 'bg-[var(--st-amber-bg)]',
};

function StepNodeView({ data, selected }: NodeProps<StepNodeType>) {
  const { step } = data;
  const wait = step.status === 'waiting' ? step.wait : null;
  const approval = isOpenApproval(step);
  return (
    <NodeFrame
      selected={selected}
      border={approval ? 'border-[var(--st-amber-fg)]' : 'border-border'}
      data-testid={`step-node-${step.id}`}
      data-status={step.status}
      data-wait={wait?.kind}
      title={[step.description, wait && waitSentence(wait)].filter(Boolean).join('\n') || undefined}
      className={cn(
        'overflow-hidden',
        "before:absolute before:inset-y-0 before:left-0 before:w-1 before:content-['']",
        STRIPE[step.status] ?? 'before:bg-[var(--border-strong)]',
        (step.status === 'skipped' || step.status === 'cancelled') && 'opacity-70',
      )}
    >
      {(compact) =>
        compact ? (
          <div className={cn('flex flex-1 items-center gap-1.5 py-2 pr-2.5 pl-3.5', TINT[step.status] ?? 'bg-surface')}>
            {approval && <Hand aria-label="Needs approval" className="size-5 shrink-0 text-[var(--st-amber-fg)]" />}
            <NodeTitle id={step.id} compact />
          </div>
        ) : (
          <div className={cn('flex flex-1 flex-col justify-between py-2 pr-2.5 pl-3.5', approval ? 'bg-[var(--st-amber-bg)]' : 'bg-surface')}>
            <div className="flex items-center justify-between gap-2">
              <span className="flex min-w-0 items-center gap-1">
                {approval && <Hand aria-label="Needs approval" className="size-3.5 shrink-0 text-[var(--st-amber-fg)]" />}
                <NodeTitle id={step.id} compact={false} />
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
          </div>
        )
      }
    </NodeFrame>
  );
}

export const StepNodeComponent = memo(StepNodeView);
