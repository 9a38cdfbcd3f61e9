// Pure mapper from a run's steps (+ the workflow's optional layout block) to React Flow nodes and
// edges. Positions come from the editor's own rules (engine/workflow/auto-layout.ts: stored where
// placed, dagre for the rest), so a run looks like the workflow its author drew.
import type { Edge, Node } from '@xyflow/react';
import type { StepRunDto } from '@/engine/dto/runs';
import { positionsFor, STEP_SIZE, type Layout } from '@/engine/workflow/auto-layout';
import { frameHandles } from '@/components/flow-editor/nodes/frame-handles';

export type { Layout };
export const NODE_WIDTH = STEP_SIZE.width;
export const NODE_HEIGHT = STEP_SIZE.height;

/** The run view's handles: 6 px dots (node-frame.tsx VIEW_HANDLE). */
const HANDLES = frameHandles(6);

export interface StepNodeData extends Record<string, unknown> {
  step: StepRunDto;
}
export type StepNode = Node<StepNodeData, 'step'>;

/** Changes only when the graph's shape does, not when a status does: live updates never relayout. */
export const structureKey = (steps: readonly Pick<StepRunDto, 'id' | 'needs'>[]): string =>
  steps.map((s) => `${s.id}<${s.needs.join(',')}`).join('|');

/** Top-left position of every step; the trigger, which the run view does not draw, is left out. */
export function runPositions(steps: readonly Pick<StepRunDto, 'id' | 'needs'>[], layout?: Layout | null): Layout {
  const ids = new Set(steps.map((s) => s.id));
  // Unknown needs are dropped (the engine rejects them, but a bad row must not break the page).
  const graph = steps.map((s) => ({ id: s.id, needs: s.needs.filter((n) => ids.has(n)) }));
  const all = positionsFor({ steps: graph, layout });
  return Object.fromEntries(steps.map((s) => [s.id, all[s.id] ?? { x: 0, y: 0 }]));
}

/** The step worth opening the graph on: failed, then running or waiting, then the first. */
export function focusStep(steps: readonly Pick<StepRunDto, 'id' | 'status'>[]): string | null {
  const pick =
    steps.find((s) => s.status === 'failed') ??
    steps.find((s) => s.status === 'running' || s.status === 'waiting') ??
    steps[0];
  return pick?.id ?? null;
}

/**
 * Nodes, reusing the previous object when its step, position and selection are unchanged, so a
 * live update to one step re-renders one node (React Flow and React.memo compare by reference).
 */
export function toNodes(
  steps: readonly StepRunDto[],
  positions: Layout,
  selectedId?: string | null,
  previous: readonly StepNode[] = [],
): StepNode[] {
  const prev = new Map(previous.map((n) => [n.id, n]));
  return steps.map((step) => {
    const position = positions[step.id] ?? { x: 0, y: 0 };
    const selected = step.id === selectedId;
    const old = prev.get(step.id);
    if (old && old.data.step === step && old.position === position && !!old.selected === selected) return old;
    return { id: step.id, type: 'step', position, data: { step }, selected, width: NODE_WIDTH, height: NODE_HEIGHT, handles: HANDLES };
  });
}

/** Edges, reused like nodes: only the ones whose ends changed status become new objects. */
export function toEdges(steps: readonly StepRunDto[], previous: readonly Edge[] = []): Edge[] {
  const ids = new Set(steps.map((s) => s.id));
  const statusOf = new Map(steps.map((s) => [s.id, s.status]));
  const prev = new Map(previous.map((e) => [e.id, e]));
  return steps.flatMap((step) =>
    step.needs
      .filter((n) => ids.has(n))
      .map((need): Edge => {
        const id = `${need}->${step.id}`;
        const sourceStatus = statusOf.get(need);
        // Flowing dashes show where work is happening right now.
        const animated = step.status === 'running';
        const old = prev.get(id);
        if (old && old.animated === animated && old.data?.sourceStatus === sourceStatus) return old;
        const done = sourceStatus === 'succeeded';
        return {
          id,
          source: need,
          target: step.id,
          animated,
          data: { sourceStatus },
          style: done ? { stroke: 'var(--st-green-fg)', strokeWidth: 1.5 } : undefined,
        };
      }),
  );
}

export function toFlow(
  steps: readonly StepRunDto[],
  layout?: Layout | null,
  selectedId?: string | null,
): { nodes: StepNode[]; edges: Edge[] } {
  return { nodes: toNodes(steps, runPositions(steps, layout), selectedId), edges: toEdges(steps) };
}
