// Pure mapping from the editor's definition to React Flow nodes and edges. Node data is thin
// ({stepId}); nodes read their step from the store. Objects are reused when nothing about a node
// changed, so React Flow (and React.memo) skip it: editing one param re-renders one node.
import type { Edge, Node } from '@xyflow/react';
import { graphEdges, TRIGGER_ID } from '@/engine/workflow/graph-model';
import type { Layout } from '@/engine/workflow/auto-layout';
import type { EdgeCondition, WorkflowDefinition } from '@/engine/workflow/schema';

export type StepNodeData = { stepId: string };
export type EditorNode = Node<StepNodeData, 'step'> | Node<StepNodeData, 'trigger'>;
export type EditorEdge = Edge<{ on: EdgeCondition }>;

export function toNodes(
  def: Pick<WorkflowDefinition, 'steps'>,
  positions: Layout,
  selection: readonly string[],
  previous: readonly EditorNode[] = [],
): EditorNode[] {
  const prev = new Map(previous.map((n) => [n.id, n]));
  const selected = new Set(selection);
  const make = (id: string, type: 'step' | 'trigger'): EditorNode => {
    const position = positions[id] ?? { x: 0, y: 0 };
    const old = prev.get(id);
    const isSelected = selected.has(id);
    if (old && old.type === type && old.position.x === position.x && old.position.y === position.y && !!old.selected === isSelected) return old;
    return { id, type, position, data: old?.data ?? { stepId: id }, selected: isSelected, deletable: type === 'step', width: 220, height: 76 } as EditorNode;
  };
  return [make(TRIGGER_ID, 'trigger'), ...def.steps.map((s) => make(s.id, 'step'))];
}

const EDGE_STYLE: Record<EdgeCondition, { stroke: string; dash?: string }> = {
  success: { stroke: 'var(--border-strong)' },
  failure: { stroke: 'var(--st-red-fg)', dash: '6 4' },
  always: { stroke: 'var(--st-slate-fg)', dash: '2 4' },
};

export function toEdges(def: Pick<WorkflowDefinition, 'steps'>, selection: readonly string[] = [], previous: readonly EditorEdge[] = []): EditorEdge[] {
  const prev = new Map(previous.map((e) => [e.id, e]));
  const selected = new Set(selection);
  return graphEdges(def).map((e) => {
    const old = prev.get(e.id);
    const isSelected = selected.has(e.id);
    if (old && old.data?.on === e.on && !!old.selected === isSelected) return old;
    const style = EDGE_STYLE[e.on];
    return {
      id: e.id,
      source: e.source,
      target: e.target,
      type: 'condition',
      data: { on: e.on },
      selected: isSelected,
      deletable: e.source !== TRIGGER_ID,
      selectable: e.source !== TRIGGER_ID,
      style: { stroke: style.stroke, strokeDasharray: style.dash, strokeWidth: 1.5 },
    };
  });
}
