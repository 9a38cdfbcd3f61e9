// Every edit the visual editor makes is one of these typed operations on a definition. The canvas,
// the side panel and paste all go through `applyOperation`, so undo, validation, autosave and the
// YAML view see one stream of changes. Operations that would break the graph (a cycle, a duplicate
// id) are refused with a sentence, and the definition is returned unchanged.
import { findCycle } from './dag';
import { renameStep } from './rename-step';
import type { EdgeCondition, WorkflowDefinition, WorkflowStep } from './schema';

export type Position = { x: number; y: number };

export type WorkflowOperation =
  | { op: 'add-step'; step: Partial<WorkflowStep> & { action: string }; position?: Position; after?: string }
  | { op: 'remove-steps'; ids: string[] }
  | { op: 'connect'; from: string; to: string; on?: EdgeCondition }
  | { op: 'disconnect'; from: string; to: string }
  | { op: 'set-condition'; from: string; to: string; on: EdgeCondition }
  | { op: 'rename-step'; from: string; to: string }
  | { op: 'update-step'; id: string; patch: Partial<Omit<WorkflowStep, 'id' | 'needs' | 'needsOn'>> }
  | { op: 'set-param'; id: string; key: string; value: unknown }
  | { op: 'move'; positions: Record<string, Position> }
  | { op: 'set-trigger'; trigger: Partial<WorkflowDefinition['trigger']> }
  | { op: 'set-workflow'; patch: Partial<Pick<WorkflowDefinition, 'name' | 'description' | 'owner' | 'enabled' | 'concurrency'>> }
  | { op: 'paste'; steps: (WorkflowStep & { position?: Position })[]; offset?: Position };

export type OperationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; error: string };

const ok = (definition: WorkflowDefinition): OperationResult => ({ ok: true, definition });
const fail = (error: string): OperationResult => ({ ok: false, error });

export function applyOperation(def: WorkflowDefinition, operation: WorkflowOperation): OperationResult {
  switch (operation.op) {
    case 'add-step': {
      const id = operation.step.id ?? freshId(def, operation.step.action);
      if (hasStep(def, id)) return fail(`a step "${id}" already exists`);
      const step: WorkflowStep = { description: '', with: {}, needs: operation.after ? [operation.after] : [], ...operation.step, id };
      const layout = operation.position ? { ...def.layout, [id]: operation.position } : def.layout;
      return ok({ ...def, steps: [...def.steps, step], ...(layout && { layout }) });
    }
    case 'remove-steps': {
      const gone = new Set(operation.ids);
      const steps = def.steps.filter((s) => !gone.has(s.id)).map((s) => withoutNeeds(s, gone));
      const layout = def.layout && Object.fromEntries(Object.entries(def.layout).filter(([id]) => !gone.has(id)));
      return ok({ ...def, steps, ...(layout && { layout }) });
    }
    case 'connect': {
      const { from, to } = operation;
      if (!hasStep(def, from) || !hasStep(def, to)) return fail(`cannot connect unknown steps "${from}" → "${to}"`);
      if (from === to) return fail(`step "${from}" cannot need itself`);
      const target = def.steps.find((s) => s.id === to)!;
      if (target.needs.includes(from)) return operation.on ? applyOperation(def, { op: 'set-condition', from, to, on: operation.on }) : ok(def);
      const next = mapStep(def, to, (s) => withCondition({ ...s, needs: [...s.needs, from] }, from, operation.on ?? 'success'));
      const cycle = findCycle(next.steps);
      if (cycle) return fail(`connecting "${from}" → "${to}" would make a cycle: ${[...cycle, cycle[0]].join(' → ')}`);
      return ok(next);
    }
    case 'disconnect':
      return ok(mapStep(def, operation.to, (s) => withoutNeeds(s, new Set([operation.from]))));
    case 'set-condition': {
      const target = def.steps.find((s) => s.id === operation.to);
      if (!target?.needs.includes(operation.from)) return fail(`there is no edge "${operation.from}" → "${operation.to}"`);
      return ok(mapStep(def, operation.to, (s) => withCondition(s, operation.from, operation.on)));
    }
    case 'rename-step':
      return renameStep(def, operation.from, operation.to);
    case 'update-step':
      if (!hasStep(def, operation.id)) return fail(`no step "${operation.id}"`);
      return ok(mapStep(def, operation.id, (s) => dropUndefined({ ...s, ...operation.patch })));
    case 'set-param': {
      if (!hasStep(def, operation.id)) return fail(`no step "${operation.id}"`);
      return ok(
        mapStep(def, operation.id, (s) => {
          const next = { ...s.with };
          if (operation.value === undefined) delete next[operation.key];
          else next[operation.key] = operation.value;
          return { ...s, with: next };
        }),
      );
    }
    case 'move':
      return ok({ ...def, layout: { ...def.layout, ...operation.positions } });
    case 'set-trigger':
      return ok({ ...def, trigger: dropUndefined({ ...def.trigger, ...operation.trigger }) });
    case 'set-workflow':
      return ok(dropUndefined({ ...def, ...operation.patch }));
    case 'paste':
      return paste(def, operation.steps, operation.offset ?? { x: 40, y: 40 });
  }
}

/** Pasted steps keep their internal edges; ids that clash get a suffix and their references follow. */
function paste(def: WorkflowDefinition, steps: (WorkflowStep & { position?: Position })[], offset: Position): OperationResult {
  // The pasted steps form their own little workflow; renaming inside it rewrites their references.
  const plain = steps.map(({ position: _at, ...s }) => s);
  let pasted: WorkflowDefinition = { ...def, steps: plain, layout: pastedLayout(steps, def.layout) };
  for (const s of plain) {
    if (!hasStep(def, s.id)) continue;
    const id = freshId({ steps: [...def.steps, ...pasted.steps] }, s.id);
    const r = renameStep(pasted, s.id, id);
    if (!r.ok) return r;
    pasted = r.definition;
  }
  const inside = new Set(pasted.steps.map((s) => s.id));
  const cleaned = pasted.steps.map((s) => withoutNeeds(s, new Set(s.needs.filter((n) => !inside.has(n)))));
  const layout: Record<string, Position> = { ...def.layout };
  for (const s of cleaned) {
    const at = pasted.layout?.[s.id];
    if (at) layout[s.id] = { x: at.x + offset.x, y: at.y + offset.y };
  }
  return ok({ ...def, steps: [...def.steps, ...cleaned], layout });
}

/** Positions the pasted steps had in the workflow they were copied from, when the clipboard had them. */
function pastedLayout(steps: (WorkflowStep & { position?: Position })[], layout: WorkflowDefinition['layout']): Record<string, Position> {
  const at = steps.flatMap((s) => (s.position ? [[s.id, s.position] as const] : []));
  return at.length > 0 ? Object.fromEntries(at) : Object.fromEntries(steps.flatMap((s) => (layout?.[s.id] ? [[s.id, layout[s.id]]] : [])));
}

function hasStep(def: WorkflowDefinition, id: string): boolean {
  return def.steps.some((s) => s.id === id);
}

function mapStep(def: WorkflowDefinition, id: string, fn: (s: WorkflowStep) => WorkflowStep): WorkflowDefinition {
  return { ...def, steps: def.steps.map((s) => (s.id === id ? fn(s) : s)) };
}

function withoutNeeds(step: WorkflowStep, gone: ReadonlySet<string>): WorkflowStep {
  if (!step.needs.some((n) => gone.has(n))) return step;
  const needs = step.needs.filter((n) => !gone.has(n));
  const on = Object.fromEntries(Object.entries(step.needsOn ?? {}).filter(([k]) => !gone.has(k)));
  const { needsOn: _drop, ...rest } = step;
  return { ...rest, needs, ...(Object.keys(on).length > 0 && { needsOn: on }) };
}

function withCondition(step: WorkflowStep, from: string, on: EdgeCondition): WorkflowStep {
  const conditions = { ...step.needsOn };
  if (on === 'success') delete conditions[from];
  else conditions[from] = on;
  const { needsOn: _drop, ...rest } = step;
  return { ...rest, ...(Object.keys(conditions).length > 0 && { needsOn: conditions }) };
}

function dropUndefined<T extends object>(obj: T): T {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as T;
}

/** `version`, `version-2`, …: the action's last segment, made unique. */
export function freshId(def: Pick<WorkflowDefinition, 'steps'>, base: string): string {
  const stem = (base.split('.').pop() ?? 'step').replace(/[^A-Za-z0-9_-]/g, '-').replace(/^[^A-Za-z]+/, '') || 'step';
  const taken = new Set(def.steps.map((s) => s.id));
  if (!taken.has(stem)) return stem;
  for (let n = 2; ; n++) if (!taken.has(`${stem}-${n}`)) return `${stem}-${n}`;
}
