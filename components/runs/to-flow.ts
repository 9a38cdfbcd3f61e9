// Pure mapper from a run's steps (+ optional editor layout) to React Flow nodes and edges. Kept
// free of React so it can be unit-tested and reused by the workflow editor later.
import type { Edge, Node } from '@xyflow/react';
import type { StepRunDto } from '@/engine/dto/runs';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 76;
const GAP_X = 72;
const GAP_Y = 24;

export interface StepNodeData extends Record<string, unknown> {
  step: StepRunDto;
}
export type StepNode = Node<StepNodeData, 'step'>;
export type Layout = Record<string, { x: number; y: number }>;

/**
 * Column index of each step = length of the longest `needs` chain leading to it. Unknown needs
 * are ignored and cycles are cut (the engine rejects both, but a bad row must not hang the page).
 */
export function depthsOf(steps: readonly Pick<StepRunDto, 'id' | 'needs'>[]): Map<string, number> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const visit = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const needs = (byId.get(id)?.needs ?? []).filter((n) => byId.has(n));
    const d = needs.length ? 1 + Math.max(...needs.map(visit)) : 0;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  for (const s of steps) visit(s.id);
  return depth;
}

/** Layered left-to-right layout; each column is centred on the tallest one. */
export function autoLayout(steps: readonly Pick<StepRunDto, 'id' | 'needs'>[]): Layout {
  const depth = depthsOf(steps);
  const columns: string[][] = [];
  for (const s of steps) (columns[depth.get(s.id) ?? 0] ??= []).push(s.id); // keeps definition order
  const tallest = Math.max(0, ...columns.map((c) => c?.length ?? 0));
  const layout: Layout = {};
  columns.forEach((col, x) => {
    const offset = ((tallest - col.length) * (NODE_HEIGHT + GAP_Y)) / 2;
    col.forEach((id, y) => {
      layout[id] = { x: x * (NODE_WIDTH + GAP_X), y: offset + y * (NODE_HEIGHT + GAP_Y) };
    });
  });
  return layout;
}

export function toFlow(
  steps: readonly StepRunDto[],
  layout?: Layout | null,
  selectedId?: string | null,
): { nodes: StepNode[]; edges: Edge[] } {
  // Use the editor's layout only when it places every step; a partial one would overlap.
  const positions = layout && steps.every((s) => layout[s.id]) ? layout : autoLayout(steps);
  const ids = new Set(steps.map((s) => s.id));
  const statusOf = new Map(steps.map((s) => [s.id, s.status]));

  const nodes: StepNode[] = steps.map((step) => ({
    id: step.id,
    type: 'step',
    position: positions[step.id] ?? { x: 0, y: 0 },
    data: { step },
    selected: step.id === selectedId,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
  }));

  const edges: Edge[] = steps.flatMap((step) =>
    step.needs
      .filter((n) => ids.has(n))
      .map((need) => {
        const done = statusOf.get(need) === 'succeeded';
        return {
          id: `${need}->${step.id}`,
          source: need,
          target: step.id,
          // Flowing dashes show where work is happening right now.
          animated: step.status === 'running',
          data: { sourceStatus: statusOf.get(need) },
          style: done ? { stroke: 'var(--st-green-fg)', strokeWidth: 1.5 } : undefined,
        } satisfies Edge;
      }),
  );
  return { nodes, edges };
}
