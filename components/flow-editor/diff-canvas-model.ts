// What the canvas draws for a diff: the newer version, plus the steps the older one had and the
// newer one dropped (shown struck out), each step marked added / changed / removed. Layout-only
// moves are not marks: a moved node is not a changed process.
import type { WorkflowChange } from '@/engine/workflow/diff';
import type { WorkflowDefinition } from '@/engine/workflow/schema';

export type DiffMark = 'added' | 'changed' | 'removed';

export function diffCanvasModel(from: WorkflowDefinition, to: WorkflowDefinition, changes: readonly { kind: WorkflowChange['kind'] | string; step?: string; layout?: boolean }[]) {
  const marks = new Map<string, DiffMark>();
  for (const c of changes) {
    if (!c.step || c.layout) continue;
    if (c.kind === 'step-added') marks.set(c.step, 'added');
    else if (c.kind === 'step-removed') marks.set(c.step, 'removed');
    else if (!marks.has(c.step)) marks.set(c.step, 'changed');
  }
  const kept = new Set(to.steps.map((s) => s.id));
  const gone = from.steps.filter((s) => !kept.has(s.id));
  const shown = new Set([...kept, ...gone.map((s) => s.id)]);
  const removed = gone.map((s) => ({ ...s, needs: s.needs.filter((n) => shown.has(n)) }));
  const layout = { ...from.layout, ...to.layout };
  const definition: WorkflowDefinition = { ...to, steps: [...to.steps, ...removed], layout: Object.keys(layout).length > 0 ? layout : undefined };
  return { definition, marks };
}
