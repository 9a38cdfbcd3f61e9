// Editor commands shared by the canvas, the palette, the toolbar and keyboard shortcuts. Each is
// a few store operations; copy and paste go through the clipboard as YAML so steps travel between
// workflows (and into a text editor) as the text form.
import { parseDocument, stringify } from 'yaml';
import { TRIGGER_ID } from '@/engine/workflow/graph-model';
import { stepSchema, type WorkflowStep } from '@/engine/workflow/schema';
import type { EditorStore } from './store';
import type { EditorEdge, EditorNode } from './to-react-flow';

export const ACTION_DRAG_TYPE = 'application/x-railyard-action';

export function deleteElements(store: EditorStore, nodes: EditorNode[], edges: EditorEdge[]) {
  const ids = nodes.map((n) => n.id).filter((id) => id !== TRIGGER_ID);
  const gone = new Set(ids);
  // Edges of deleted nodes go with them; only the other edges need a disconnect each.
  for (const e of edges) {
    if (e.source === TRIGGER_ID || gone.has(e.source) || gone.has(e.target)) continue;
    store.getState().dispatch({ op: 'disconnect', from: e.source, to: e.target });
  }
  if (ids.length > 0) store.getState().dispatch({ op: 'remove-steps', ids });
}

/** Adds a step for `action`, after the selected step when exactly one is selected. */
export function addStepAt(store: EditorStore, action: string, position?: { x: number; y: number }) {
  const s = store.getState();
  const only = s.selection.length === 1 && s.stepsById.has(s.selection[0]) ? s.selection[0] : undefined;
  const before = new Set(s.definition.steps.map((st) => st.id));
  const at = position ?? nextTo(s.definition.layout, only);
  if (s.dispatch({ op: 'add-step', step: { action }, after: only, ...(at && { position: at }) })) {
    const added = store.getState().definition.steps.find((st) => !before.has(st.id));
    if (added) store.getState().select([added.id]);
  }
}

function nextTo(layout: Record<string, { x: number; y: number }> | undefined, id: string | undefined) {
  const p = id ? layout?.[id] : undefined;
  return p ? { x: p.x + 292, y: p.y } : undefined;
}

/** The selected steps as a YAML list (with their positions), for the clipboard. */
export function copySelection(store: EditorStore): string | null {
  const s = store.getState();
  const chosen = s.definition.steps.filter((st) => s.selection.includes(st.id));
  if (chosen.length === 0) return null;
  const ids = new Set(chosen.map((st) => st.id));
  const plain = chosen.map((st) => ({
    id: st.id,
    action: st.action,
    ...(st.description && { description: st.description }),
    ...(st.needs.length > 0 && { needs: st.needs.filter((n) => ids.has(n)).map((n) => (st.needsOn?.[n] ? { step: n, on: st.needsOn[n] } : n)) }),
    ...(st.if && { if: st.if }),
    ...(Object.keys(st.with).length > 0 && { with: st.with }),
    ...(st.retry && { retry: st.retry }),
    ...(st.timeoutMs && { timeoutMs: st.timeoutMs }),
    ...(s.definition.layout?.[st.id] && { position: s.definition.layout[st.id] }),
  }));
  return stringify(plain, { lineWidth: 0 });
}

/** Parses clipboard text as a YAML list of steps; null when it is not one. */
export function parseClipboard(text: string): (WorkflowStep & { position?: { x: number; y: number } })[] | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return null;
  const data: unknown = doc.toJS({ maxAliasCount: 10 });
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && 'steps' in data ? (data as { steps: unknown }).steps : null;
  if (!Array.isArray(list) || list.length === 0) return null;
  const steps = [];
  for (const item of list) {
    if (!item || typeof item !== 'object') return null;
    const { position, ...rest } = item as Record<string, unknown>;
    const parsed = stepSchema.safeParse(rest);
    if (!parsed.success) return null;
    const at = position as { x?: unknown; y?: unknown } | undefined;
    steps.push({ ...parsed.data, ...(typeof at?.x === 'number' && typeof at?.y === 'number' && { position: { x: at.x, y: at.y } }) });
  }
  return steps;
}

export function pasteSteps(store: EditorStore, text: string): boolean {
  const steps = parseClipboard(text);
  if (!steps) {
    store.setState({ notice: 'The clipboard does not hold workflow steps (a YAML list of steps).' });
    return false;
  }
  const before = new Set(store.getState().definition.steps.map((st) => st.id));
  if (!store.getState().dispatch({ op: 'paste', steps })) return false;
  store.getState().select(store.getState().definition.steps.filter((st) => !before.has(st.id)).map((st) => st.id));
  return true;
}
