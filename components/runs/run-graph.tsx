'use client';

// The run's steps as a read-only DAG, drawn with the editor's node frame and layout. A small run
// is fitted into view; a large one (fitting 300 steps gives unreadable specks) opens at a readable
// zoom on the step worth looking at, with a minimap for the overview, nodes drawn only when on
// screen, and the compact node form once zoomed out.
import '@xyflow/react/dist/style.css';
import { Background, Controls, MiniMap, ReactFlow, type Edge, type NodeTypes, type ReactFlowInstance } from '@xyflow/react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { RunDetail } from '@/engine/dto/runs';
import { useResolvedTheme } from '@/lib/theme';
import { StepNodeComponent } from './step-node';
import { focusStep, NODE_HEIGHT, NODE_WIDTH, runPositions, structureKey, toEdges, toNodes, type StepNode } from './to-flow';

// Module scope: a new object per render would make React Flow remount every node.
const nodeTypes: NodeTypes = { step: StepNodeComponent };
/** Up to this many steps, the whole run fits the card at a zoom where text is still legible. */
const FIT_MAX_STEPS = 40;
const READABLE_ZOOM = 0.8;
const FIT = { padding: 0.2, maxZoom: 1 };
const MINIMAP_COLOR: Record<string, string> = {
  running: 'var(--st-blue-fg)',
  succeeded: 'var(--st-green-fg)',
  failed: 'var(--st-red-fg)',
  waiting: 'var(--st-amber-fg)',
};
const minimapColor = (n: StepNode) => MINIMAP_COLOR[n.data.step.status] ?? 'var(--border-strong)';

interface RunGraphProps {
  run: Pick<RunDetail, 'steps' | 'layout'>;
  selectedId: string | null;
  onSelect: (stepId: string) => void;
}

export function RunGraph({ run, selectedId, onSelect }: RunGraphProps) {
  const theme = useResolvedTheme();
  const big = run.steps.length > FIT_MAX_STEPS;
  const structure = structureKey(run.steps);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the shape: status updates never relayout
  const positions = useMemo(() => runPositions(run.steps, run.layout), [structure, run.layout]);
  const nodesRef = useRef<StepNode[]>([]);
  const edgesRef = useRef<Edge[]>([]);
  const nodes = useMemo(() => (nodesRef.current = toNodes(run.steps, positions, selectedId, nodesRef.current)), [run.steps, positions, selectedId]);
  const edges = useMemo(() => (edgesRef.current = toEdges(run.steps, edgesRef.current)), [run.steps]);

  const box = useRef<HTMLDivElement>(null);
  const flow = useRef<ReactFlowInstance<StepNode> | null>(null);
  const initialFocus = useRef(selectedId ?? focusStep(run.steps));
  const centreOn = useCallback(
    (id: string | null, duration = 0) => {
      const at = id ? positions[id] : undefined;
      const f = flow.current;
      if (!at || !f) return;
      const zoom = duration ? f.getZoom() : READABLE_ZOOM;
      void f.setCenter(at.x + NODE_WIDTH / 2, at.y + NODE_HEIGHT / 2, { zoom, duration });
    },
    [positions],
  );
  const onInit = useCallback((instance: ReactFlowInstance<StepNode>) => void (flow.current = instance), []);

  // A large run opens on its focus step at a readable zoom. React Flow gets that viewport before
  // its first render (it needs the pane's size, hence the wait for layout): started at the origin
  // and moved on init, it drew and measured every node first (300 of them, about a second on the
  // bench) before the viewport let it keep the ten on screen.
  const [pane, setPane] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    if (big && box.current) setPane({ width: box.current.clientWidth, height: box.current.clientHeight });
  }, [big]);
  const opening = useMemo(() => {
    const at = initialFocus.current ? positions[initialFocus.current] : undefined;
    if (!pane || !at) return undefined;
    const z = READABLE_ZOOM;
    return { x: pane.width / 2 - (at.x + NODE_WIDTH / 2) * z, y: pane.height / 2 - (at.y + NODE_HEIGHT / 2) * z, zoom: z };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the opening view only: later moves are the user's
  }, [pane]);

  // A step picked elsewhere (the step list) is brought into view if it is off screen.
  useEffect(() => {
    const f = flow.current;
    const at = selectedId ? positions[selectedId] : undefined;
    if (!f || !at || !box.current || !big) return;
    const { x, y, zoom } = f.getViewport();
    const left = at.x * zoom + x;
    const top = at.y * zoom + y;
    const visible = left >= 0 && top >= 0 && left + NODE_WIDTH * zoom <= box.current.clientWidth && top + NODE_HEIGHT * zoom <= box.current.clientHeight;
    if (!visible) centreOn(selectedId, 250);
  }, [selectedId, positions, big, centreOn]);

  return (
    <div ref={box} className={big ? 'h-[560px] w-full' : 'h-[380px] w-full'} data-testid="run-graph" data-large={big || undefined}>
      {(!big || pane) && <ReactFlow<StepNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        colorMode={theme}
        fitView={!big}
        fitViewOptions={FIT}
        defaultViewport={opening}
        minZoom={big ? 0.05 : 0.2}
        onlyRenderVisibleElements={big}
        onInit={onInit}
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
        {big && <MiniMap<StepNode> pannable zoomable className="!bg-surface" nodeColor={minimapColor} nodeStrokeWidth={0} data-testid="run-graph-minimap" />}
        <Controls showInteractive={false} fitViewOptions={{ padding: 0.1 }} />
      </ReactFlow>}
    </div>
  );
}
