'use client';

// The run's steps as a read-only DAG. Positions come from the workflow's layout block when it
// has one, otherwise from a layered auto-layout by `needs` depth (see to-flow.ts).
import '@xyflow/react/dist/style.css';
import { Background, Controls, ReactFlow, type NodeTypes } from '@xyflow/react';
import { useMemo } from 'react';
import type { RunDetail } from '@/engine/dto/runs';
import { useResolvedTheme } from '@/lib/theme';
import { StepNodeComponent } from './step-node';
import { toFlow, type StepNode } from './to-flow';

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes: NodeTypes = { step: StepNodeComponent };

interface RunGraphProps {
  run: Pick<RunDetail, 'steps' | 'layout'>;
  selectedId: string | null;
  onSelect: (stepId: string) => void;
}

export function RunGraph({ run, selectedId, onSelect }: RunGraphProps) {
  const theme = useResolvedTheme();
  const { nodes, edges } = useMemo(() => toFlow(run.steps, run.layout, selectedId), [run.steps, run.layout, selectedId]);
  return (
    <div className="h-[380px] w-full" data-testid="run-graph">
      <ReactFlow<StepNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={theme}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        edgesFocusable={false}
        onNodeClick={(_, node) => onSelect(node.id)}
        // Selection is ours (derived from selectedId); we only listen for React Flow's select
        // changes, which also come from the keyboard (focus a node, press Enter).
        onNodesChange={(changes) => {
          for (const c of changes) if (c.type === 'select' && c.selected) onSelect(c.id);
        }}
        aria-label="Run steps graph"
      >
        <Background gap={16} size={1} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
