'use client';

// The canvas: a controlled React Flow view of the store. Gestures become operations: connect adds
// a `needs` (a cycle is refused while dragging the wire), deleting edges or nodes removes them,
// a finished drag records positions in the layout block, a palette drop adds a step.
import '@xyflow/react/dist/style.css';
import {
  applyNodeChanges,
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type EdgeTypes,
  type NodeChange,
  type NodeTypes,
  type OnConnectEnd,
  type OnSelectionChangeParams,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { positionsFor } from '@/engine/workflow/auto-layout';
import { TRIGGER_ID } from '@/engine/workflow/graph-model';
import { applyOperation } from '@/engine/workflow/operations';
import { useResolvedTheme } from '@/lib/theme';
import { ConditionEdge } from './condition-edge';
import { useEditor, useEditorStore } from './editor-context';
import { EditorStepNode } from './nodes/editor-step-node';
import { TriggerNode } from './nodes/trigger-node';
import { ACTION_DRAG_TYPE, addStepAt, deleteElements } from './commands';
import { toEdges, toNodes, type EditorEdge, type EditorNode } from './to-react-flow';

// Module scope: new objects per render would remount every node (React Flow performance guide).
const nodeTypes: NodeTypes = { step: EditorStepNode, trigger: TriggerNode };
const edgeTypes: EdgeTypes = { condition: ConditionEdge };
// A small margin: the canvas sits between the palette and the panel, and every pixel of zoom
// keeps step ids readable.
const FIT = { padding: 0.08, maxZoom: 1 };

/** Changes only when the graph's shape or stored layout does: param edits never relayout. */
function useStructureKey(): string {
  return useEditor((s) => s.definition.steps.map((st) => `${st.id}<${st.needs.join(',')}`).join('|'));
}

export function EditorCanvas({ readOnly = false, minimap = true }: { readOnly?: boolean; minimap?: boolean }) {
  const store = useEditorStore();
  const theme = useResolvedTheme();
  const flow = useReactFlow();
  const structure = useStructureKey();
  const layout = useEditor((s) => s.definition.layout);
  const selection = useEditor((s) => s.selection);
  const steps = useEditor((s) => s.definition.steps);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on structure, not on every step object
  const positions = useMemo(() => positionsFor(store.getState().definition), [structure, layout, store]);

  const [nodes, setNodes] = useState<EditorNode[]>([]);
  const edgesRef = useRef<EditorEdge[]>([]);
  useEffect(() => setNodes((prev) => toNodes(store.getState().definition, positions, selection, prev)), [positions, selection, structure, store]);
  const edges = useMemo(() => (edgesRef.current = toEdges({ steps }, selection, edgesRef.current)), [steps, selection]);

  // Selection is the store's: React Flow's select changes (click, Shift-click, box) go there, and
  // come back as the nodes' and edges' `selected`. Dropping them would make nothing selectable.
  const applySelect = useCallback(
    (changes: (NodeChange<EditorNode> | EdgeChange<EditorEdge>)[]) => {
      const picks = changes.filter((c) => c.type === 'select');
      if (picks.length === 0) return;
      const current = store.getState().selection;
      const next = new Set(current);
      for (const c of picks) if (c.selected) next.add(c.id);
      else next.delete(c.id);
      if (next.size !== current.length || current.some((id) => !next.has(id))) store.getState().select([...next]);
    },
    [store],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<EditorNode>[]) => {
      applySelect(changes);
      // Position and dimension changes are applied locally while dragging; the store hears about
      // the result once, on drag stop (one undo step per drag, not one per mouse move).
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== 'remove' && c.type !== 'select'), ns));
    },
    [applySelect],
  );

  const onSelectionChange = useCallback(
    ({ nodes: n, edges: e }: OnSelectionChangeParams) => {
      const ids = [...n.map((x) => x.id), ...e.map((x) => x.id)];
      const current = store.getState().selection;
      if (ids.length !== current.length || ids.some((id, i) => id !== current[i])) store.getState().select(ids);
    },
    [store],
  );

  const isValidConnection = useCallback(
    (c: Connection | EditorEdge) => {
      if (!c.source || !c.target || c.source === TRIGGER_ID || c.target === TRIGGER_ID) return false;
      return applyOperation(store.getState().definition, { op: 'connect', from: c.source, to: c.target }).ok;
    },
    [store],
  );

  // A refused wire would otherwise just snap back; say why (the operation's own sentence, e.g.
  // "would make a cycle: a → b → a") when it was dropped on a step's handle.
  const onConnectEnd = useCallback<OnConnectEnd>(
    (_, c) => {
      if (c.isValid !== false || !c.fromNode || !c.toNode || !c.fromHandle) return;
      const [from, to] = c.fromHandle.type === 'source' ? [c.fromNode.id, c.toNode.id] : [c.toNode.id, c.fromNode.id];
      if (from === TRIGGER_ID || to === TRIGGER_ID || c.fromHandle.type === c.toHandle?.type) return;
      store.getState().dispatch({ op: 'connect', from, to });
    },
    [store],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const action = event.dataTransfer.getData(ACTION_DRAG_TYPE);
      if (!action) return;
      event.preventDefault();
      const at = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      addStepAt(store, action, { x: Math.round(at.x - 110), y: Math.round(at.y - 38) });
    },
    [flow, store],
  );

  return (
    <div className="size-full" data-testid="editor-canvas" onDragOver={(e) => e.preventDefault()} onDrop={readOnly ? undefined : onDrop}>
      <ReactFlow<EditorNode, EditorEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        colorMode={theme}
        fitView
        fitViewOptions={FIT}
        minZoom={0.05}
        onlyRenderVisibleElements={nodes.length > 150}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        elementsSelectable
        selectionOnDrag={!readOnly}
        panOnDrag={readOnly ? true : [1, 2]}
        multiSelectionKeyCode={['Meta', 'Control', 'Shift']}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        onNodesChange={onNodesChange}
        onEdgesChange={applySelect}
        onSelectionChange={onSelectionChange}
        isValidConnection={isValidConnection}
        onConnectEnd={readOnly ? undefined : onConnectEnd}
        onConnect={(c) => c.source && c.target && store.getState().dispatch({ op: 'connect', from: c.source, to: c.target })}
        onNodeDragStop={(_, __, dragged) => {
          const moved = Object.fromEntries(dragged.filter((n) => n.id !== TRIGGER_ID).map((n) => [n.id, { x: Math.round(n.position.x), y: Math.round(n.position.y) }]));
          if (Object.keys(moved).length > 0) store.getState().dispatch({ op: 'move', positions: moved });
        }}
        onDelete={({ nodes: n, edges: e }) => deleteElements(store, n, e)}
        aria-label="Workflow editor canvas"
      >
        <Background gap={16} size={1} />
        {minimap && <MiniMap pannable zoomable className="!bg-surface" nodeStrokeWidth={2} />}
        <Controls />
      </ReactFlow>
    </div>
  );
}
