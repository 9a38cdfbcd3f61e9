// Layered left-to-right layout (dagre's Sugiyama implementation): the trigger first, each step in
// a column after everything it needs, crossings minimised. Used when a workflow has no stored
// layout and by the editor's "Auto-layout" button; the result becomes the `layout:` block.
import dagre from '@dagrejs/dagre';
import { graphEdges, TRIGGER_ID } from './graph-model';
import type { WorkflowDefinition } from './schema';

export const STEP_SIZE = { width: 220, height: 76 };
export const TRIGGER_SIZE = { width: 220, height: 76 };

export type Layout = Record<string, { x: number; y: number }>;

/** Top-left positions for the trigger and every step. */
export function autoLayout(def: Pick<WorkflowDefinition, 'steps'>, opts: { compact?: boolean } = {}): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: opts.compact ? 16 : 28, ranksep: opts.compact ? 48 : 72, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  g.setNode(TRIGGER_ID, { ...TRIGGER_SIZE });
  for (const s of def.steps) g.setNode(s.id, { ...STEP_SIZE });
  const known = new Set(def.steps.map((s) => s.id));
  for (const e of graphEdges(def)) if (e.source === TRIGGER_ID || known.has(e.source)) g.setEdge(e.source, e.target);
  dagre.layout(g);
  const out: Layout = {};
  for (const id of [TRIGGER_ID, ...def.steps.map((s) => s.id)]) {
    const n = g.node(id);
    // dagre gives centres; React Flow positions are top-left corners.
    out[id] = { x: Math.round(n.x - n.width / 2), y: Math.round(n.y - n.height / 2) };
  }
  return out;
}

/**
 * Stored positions where the layout block has them; the rest (new or never placed steps) from the
 * auto-layout, so a half-placed workflow still reads left to right. The trigger is never stored:
 * it sits left of the steps it starts, centred on them.
 */
export function positionsFor(def: Pick<WorkflowDefinition, 'steps' | 'layout'>): Layout {
  const stored = def.layout ?? {};
  const placed = def.steps.filter((s) => stored[s.id]);
  if (placed.length === 0) return autoLayout(def);
  const out: Layout = def.steps.every((s) => stored[s.id]) ? { ...stored } : { ...autoLayout(def), ...stored };
  const roots = def.steps.filter((s) => s.needs.length === 0).map((s) => out[s.id]);
  const minX = Math.min(...def.steps.map((s) => out[s.id].x));
  const avgY = roots.length ? roots.reduce((sum, p) => sum + p.y, 0) / roots.length : 0;
  out[TRIGGER_ID] = { x: minX - STEP_SIZE.width - 72, y: Math.round(avgY) };
  return out;
}
