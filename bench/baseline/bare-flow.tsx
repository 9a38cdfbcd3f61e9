// The editor benchmark's baseline: React Flow itself, nothing of ours. Plain default nodes and
// edges at the positions our layout gives (passed in, so layout time is ours, not the library's),
// the same size known up front, the same canvas options (fit or a fixed zoom, render only what is
// visible on big graphs), local state with applyNodeChanges: the library's own recipe, no store.
import '@xyflow/react/dist/style.css';
import { applyNodeChanges, ReactFlow, type Edge, type Node, type NodeChange, type Viewport } from '@xyflow/react';
import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';

export type BareGraph = {
  nodes: { id: string; x: number; y: number }[];
  edges: [string, string][];
  fit: boolean;
  viewport?: Viewport;
  visibleOnly: boolean;
  panButtons: number[] | true;
  /** The pane size of the page it is compared with, so both show about as many nodes. */
  size: { width: number; height: number };
};

declare global {
  interface Window {
    __graph: BareGraph;
  }
}

function Bare({ graph }: { graph: BareGraph }) {
  const [nodes, setNodes] = useState<Node[]>(() =>
    graph.nodes.map((n) => ({ id: n.id, position: { x: n.x, y: n.y }, data: { label: n.id }, width: 220, height: 76 })),
  );
  const [edges] = useState<Edge[]>(() => graph.edges.map(([source, target]) => ({ id: `${source}->${target}`, source, target })));
  const onNodesChange = useCallback((changes: NodeChange[]) => setNodes((ns) => applyNodeChanges(changes, ns)), []);
  return (
    <div style={{ width: graph.size.width, height: graph.size.height }}>
      <ReactFlow
        nodes={nodes}
        edges={edges}
        onNodesChange={onNodesChange}
        fitView={graph.fit}
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
        defaultViewport={graph.viewport}
        minZoom={0.05}
        onlyRenderVisibleElements={graph.visibleOnly}
        panOnDrag={graph.panButtons}
      />
    </div>
  );
}

createRoot(document.getElementById('root')!).render(<Bare graph={window.__graph} />);
