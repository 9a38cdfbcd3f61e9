// Layered left-to-right layout (dagre's Sugiyama implementation): the trigger first, each step in
// a column after everything it needs, crossings minimised. Used when a workflow has no stored
// layout and by the editor's "Auto-layout" button; the result becomes the `layout:` block.
import dagre from '@dagrejs/dagre';
import { graphEdges, TRIGGER_ID, type GraphStep } from './graph-model';
import { LARGE_GRAPH, layeredLayout } from './layered-layout';

export const STEP_SIZE = { width: 220, height: 76 };
export const TRIGGER_SIZE = { width: 220, height: 76 };

export type Layout = Record<string, { x: number; y: number }>;

/** Top-left positions for the trigger and every step. */
export function autoLayout(def: { steps: readonly GraphStep[] }, opts: { compact?: boolean } = {}): Layout {
  const nodesep = opts.compact ? 16 : 28;
  const ranksep = opts.compact ? 48 : 72;
  // Opening, dragging in and watching a big workflow would otherwise re-run the same layout.
  const key = `${nodesep}:${ranksep}:${def.steps.map((s) => `${s.id}<${s.needs.join(',')}`).join('|')}`;
  if (last?.key === key) return { ...last.layout };
  const layout = def.steps.length + 1 > LARGE_GRAPH ? layered(def, nodesep, ranksep) : dagreLayout(def, nodesep, ranksep);
  last = { key, layout };
  return { ...layout };
}

let last: { key: string; layout: Layout } | null = null;

/** dagre is too slow past a few hundred nodes (see layered-layout.ts); same columns, simpler rows. */
function layered(def: { steps: readonly GraphStep[] }, nodesep: number, ranksep: number): Layout {
  const nodes = [TRIGGER_ID, ...def.steps.map((s) => s.id)];
  return layeredLayout({ nodes, edges: graphEdges(def) }, { ...STEP_SIZE, nodesep, ranksep });
}

function dagreLayout(def: { steps: readonly GraphStep[] }, nodesep: number, ranksep: number): Layout {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep, ranksep, marginx: 0, marginy: 0 });
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
export function positionsFor(def: { steps: readonly GraphStep[]; layout?: Layout | null }): Layout {
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
