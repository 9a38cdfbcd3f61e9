'use client';

// The trigger: which event starts the workflow, and its filter. Every step that needs nothing hangs
// off it. It cannot be deleted or connected into; edit it in the side panel.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { Zap } from 'lucide-react';
import { memo } from 'react';
import { cn } from '@/lib/cn';
import { useEditor } from '../editor-context';
import type { EditorNode } from '../to-react-flow';
import { useCompact } from './use-compact';

function TriggerNodeView({ selected }: NodeProps<EditorNode>) {
  const trigger = useEditor((s) => s.definition.trigger);
  const bad = useEditor((s) => s.issues.some((i) => i.path.startsWith('trigger')));
  const compact = useCompact();
  return (
    <div
      data-testid="editor-node-trigger"
      className={cn(
        'relative flex h-[76px] w-[220px] flex-col justify-center gap-0.5 rounded-full border bg-accent-soft px-5 py-2',
        selected ? 'border-accent ring-2 ring-accent/30' : bad ? 'border-[var(--st-red-fg)]' : 'border-accent/40',
      )}
    >
      <div className="flex items-center gap-1.5 text-[11px] font-medium text-accent">
        <Zap aria-hidden className="size-3.5" /> {!compact && 'When this event arrives'}
      </div>
      <div className={cn('truncate font-mono font-semibold', compact ? 'text-base' : 'text-xs')}>
        {trigger.source} / {trigger.type}
      </div>
      {!compact && trigger.filter && <div className="truncate font-mono text-[11px] text-muted">if {trigger.filter}</div>}
      <Handle type="source" position={Position.Right} isConnectable={false} className="!size-2 !border-0 !bg-accent" />
    </div>
  );
}

export const TriggerNode = memo(TriggerNodeView);
