'use client';

// The box every step node is drawn in: the editor, the diff view and the read-only run graph.
// One size known up front (so React Flow never has to measure before the first paint), the
// left/right handles, the selection ring, and the level of detail: children are given `compact`
// (zoomed out past the threshold in use-compact.ts) and draw less; the frame drops its shadow.
import { Handle, Position } from '@xyflow/react';
import type { HTMLAttributes, ReactNode } from 'react';
import { STEP_SIZE } from '@/engine/workflow/auto-layout';
import { cn } from '@/lib/cn';
import { useCompact } from './use-compact';

const EDIT_HANDLE = '!size-2.5 !border-2 !border-surface !bg-[var(--border-strong)] hover:!bg-accent';
const VIEW_HANDLE = '!size-1.5 !border-0 !bg-border-strong';
// Same numbers as the layout's node size; inline so a class typo cannot desync them.
const SIZE = { width: STEP_SIZE.width, height: STEP_SIZE.height };

export interface NodeFrameProps extends Omit<HTMLAttributes<HTMLDivElement>, 'children'> {
  selected?: boolean;
  /** Border classes when not selected (selection always wins). */
  border?: string;
  /** Editor nodes can be wired; read-only views draw small, inert handles. */
  connectable?: boolean;
  children: (compact: boolean) => ReactNode;
}

export function NodeFrame({ selected, border = 'border-border', connectable = false, className, children, ...rest }: NodeFrameProps) {
  const compact = useCompact();
  return (
    <div
      {...rest}
      data-compact={compact || undefined}
      style={SIZE}
      className={cn(
        'relative flex flex-col rounded-lg border',
        selected ? 'border-accent ring-2 ring-accent/30' : border,
        !compact && 'shadow-sm',
        className,
      )}
    >
      <Handle type="target" position={Position.Left} isConnectable={connectable} className={connectable ? EDIT_HANDLE : VIEW_HANDLE} />
      {children(compact)}
      <Handle type="source" position={Position.Right} isConnectable={connectable} className={connectable ? EDIT_HANDLE : VIEW_HANDLE} />
    </div>
  );
}

/** The step id line: the one thing still readable when compact, so it grows as the node shrinks on screen. */
export function NodeTitle({ id, compact }: { id: string; compact: boolean }) {
  return <span className={cn('truncate font-mono font-semibold', compact ? 'text-lg' : 'text-xs')}>{id}</span>;
}
