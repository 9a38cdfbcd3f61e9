'use client';

import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { StatusBadge } from '@/components/ui/status-badge';
import { RunDuration } from './run-duration';
import type { StepNode as StepNodeType } from './to-flow';

// Accent stripe on the left edge per status; the badge carries icon + text for accessibility.
const STRIPE: Record<string, string> = {
  running: 'before:bg-[var(--st-blue-fg)]',
  succeeded: 'before:bg-[var(--st-green-fg)]',
  failed: 'before:bg-[var(--st-red-fg)]',
  waiting: 'before:bg-[var(--st-amber-fg)]',
};

function StepNodeView({ data, selected }: NodeProps<StepNodeType>) {
  const { step } = data;
  return (
    <div
      data-testid={`step-node-${step.id}`}
      data-status={step.status}
      title={step.description || undefined}
      className={cn(
        'relative flex h-[76px] w-[220px] flex-col justify-between overflow-hidden rounded-lg border bg-surface py-2 pr-2.5 pl-3.5 shadow-sm',
        "before:absolute before:inset-y-0 before:left-0 before:w-1 before:content-['']",
        STRIPE[step.status] ?? 'before:bg-[var(--border-strong)]',
        selected ? 'border-accent ring-2 ring-accent/30' : 'border-border',
        (step.status === 'skipped' || step.status === 'cancelled') && 'opacity-70',
      )}
    >
      <Handle type="target" position={Position.Left} isConnectable={false} className="!size-1.5 !border-0 !bg-border-strong" />
      <div className="flex items-center justify-between gap-2">
        <span className="truncate font-mono text-xs font-semibold">{step.id}</span>
        <RunDuration start={step.startedAt} end={step.finishedAt} className="shrink-0 font-mono text-[11px] text-muted tabular-nums" />
      </div>
      <div className="truncate font-mono text-[11px] text-muted">{step.action}</div>
      <div className="flex items-center gap-1.5">
        <StatusBadge status={step.status} />
        {step.attempts > 1 && <span className="text-[11px] text-muted">attempt {step.attempts}</span>}
      </div>
      <Handle type="source" position={Position.Right} isConnectable={false} className="!size-1.5 !border-0 !bg-border-strong" />
    </div>
  );
}

export const StepNodeComponent = memo(StepNodeView);
