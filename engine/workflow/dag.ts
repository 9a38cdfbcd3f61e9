// The step graph: `needs` are edges from a step to the steps it waits for.
import type { StepStatus } from '../run/status';
import type { EdgeCondition } from './schema';

export interface DagStep {
  id: string;
  needs: readonly string[];
  /** Edge conditions other than the default `success`, keyed by the needed step's id. */
  needsOn?: Readonly<Record<string, EdgeCondition>>;
}

/**
 * The ids on one cycle, in `needs` order (each needs the next; the last needs the first), starting
 * from the earliest declared step on it; null when the graph is acyclic. Needs naming unknown steps
 * are ignored here: validation reports them separately.
 */
export function findCycle(steps: readonly DagStep[]): string[] | null {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];

  const visit = (id: string): string[] | null => {
    state.set(id, 'visiting');
    stack.push(id);
    for (const need of byId.get(id)?.needs ?? []) {
      if (!byId.has(need)) continue;
      const seen = state.get(need);
      if (seen === 'visiting') return stack.slice(stack.indexOf(need));
      if (seen === undefined) {
        const cycle = visit(need);
        if (cycle) return cycle;
      }
    }
    stack.pop();
    state.set(id, 'done');
    return null;
  };

  for (const step of steps) {
    if (state.has(step.id)) continue;
    const cycle = visit(step.id);
    if (cycle) return rotateToEarliest(cycle, steps);
  }
  return null;
}

function rotateToEarliest(cycle: string[], steps: readonly DagStep[]): string[] {
  const order = new Map(steps.map((s, i) => [s.id, i]));
  let start = 0;
  cycle.forEach((id, i) => {
    if ((order.get(id) ?? 0) < (order.get(cycle[start]) ?? 0)) start = i;
  });
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}

/**
 * An execution order: each step after everything it needs, and among the steps ready at any point
 * the earliest declared first, so the order is stable and reads like the file. Throws on a cycle.
 */
export function topoOrder(steps: readonly DagStep[]): string[] {
  const known = new Set(steps.map((s) => s.id));
  const placed = new Set<string>();
  const order: string[] = [];
  while (order.length < steps.length) {
    const next = steps.find((s) => !placed.has(s.id) && s.needs.every((n) => placed.has(n) || !known.has(n)));
    if (!next) throw new Error(`steps form a cycle: ${(findCycle(steps) ?? []).join(' -> ')}`);
    placed.add(next.id);
    order.push(next.id);
  }
  return order;
}

type Statuses = Readonly<Record<string, StepStatus | undefined>>;

// A step with no recorded status has not started yet: it is pending.
const statusOf = (statuses: Statuses, id: string): StepStatus => statuses[id] ?? 'pending';

const FINISHED: ReadonlySet<StepStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);

/**
 * Edge rules (documented in docs/workflows.md):
 * - `success` (the default): the need must have succeeded.
 * - `failure`: the need must have failed; this is how a workflow notifies on failure.
 * - `always`: the need must have finished, whatever its outcome (succeeded, failed, skipped, cancelled).
 * A step is ready when every edge is satisfied, and skipped when any edge can no longer be: its
 * need finished with another outcome. So a skipped step (its `if` was false) skips the steps
 * that need its success, while `always` dependants still run.
 */
const satisfied = (on: EdgeCondition, s: StepStatus) =>
  on === 'always' ? FINISHED.has(s) : on === 'failure' ? s === 'failed' : s === 'succeeded';

const edgeOf = (step: DagStep, need: string): EdgeCondition => step.needsOn?.[need] ?? 'success';

/** Pending steps whose edges are all satisfied: due to be queued now, in declaration order. */
export function readySteps(def: { steps: readonly DagStep[] }, statuses: Statuses): string[] {
  return def.steps
    .filter((s) => statusOf(statuses, s.id) === 'pending')
    .filter((s) => s.needs.every((n) => satisfied(edgeOf(s, n), statusOf(statuses, n))))
    .map((s) => s.id);
}

/**
 * Pending steps that can never run, to be marked `skipped`. Transitive: a step blocked here counts
 * as skipped for its own dependants, so one call settles the run and `deriveRunStatus` can see it
 * is finished (and an `always` dependant of a blocked step becomes ready on the next call).
 */
export function blockedSteps(def: { steps: readonly DagStep[] }, statuses: Statuses): string[] {
  const working: Record<string, StepStatus | undefined> = { ...statuses };
  const blocked = new Set<string>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of def.steps) {
      if (blocked.has(step.id) || statusOf(working, step.id) !== 'pending') continue;
      const dead = step.needs.some((n) => {
        const s = statusOf(working, n);
        return FINISHED.has(s) && !satisfied(edgeOf(step, n), s);
      });
      if (dead) {
        blocked.add(step.id);
        working[step.id] = 'skipped';
        changed = true;
      }
    }
  }
  return def.steps.filter((s) => blocked.has(s.id)).map((s) => s.id);
}

/**
 * The one step that the success of `stepId` makes ready, when the graph alone says so: exactly one
 * step needs `stepId`, it needs nothing else, and a success satisfies its edge. Null otherwise
 * (a fan-out, a fan-in, a `failure` edge that the success blocks): those settle by reading every
 * step's status. A chain's settle needs no other status (server/runs/settle-linear.ts).
 */
export function soleSuccessor(def: { steps: readonly DagStep[] }, stepId: string): string | null {
  const dependants = def.steps.filter((s) => s.needs.includes(stepId));
  if (dependants.length !== 1) return null;
  const [next] = dependants;
  if (next.needs.length !== 1 || next.id === stepId) return null;
  return edgeOf(next, stepId) === 'failure' ? null : next.id;
}

/**
 * True when the steps form one path (one root; every step needs at most one step and is needed
 * by at most one): nothing in such a run ever runs beside anything else, so while one of its
 * steps runs, every step before it is finished and every step after it is pending. A worker
 * running such a chain step by step knows every step's state without reading it back
 * (server/runs/settle-linear.ts).
 */
export function isSinglePath(def: { steps: readonly DagStep[] }): boolean {
  const dependants = new Map<string, number>();
  let roots = 0;
  for (const step of def.steps) {
    if (step.needs.length > 1) return false;
    if (step.needs.length === 0) roots++;
    for (const n of step.needs) dependants.set(n, (dependants.get(n) ?? 0) + 1);
  }
  return roots === 1 && [...dependants.values()].every((n) => n === 1);
}

const ACTIVE = new Set(['queued', 'running', 'waiting']);

/**
 * True when no step but `stepId` is queued, running or waiting. Together with isSinglePath this
 * is what lets a chain's executor trust the step states it read: a resumed run can carry a later
 * step over as finished and so start two steps of a single path at once, and while another step
 * is active its state can change under us.
 */
export function onlyActive(steps: Readonly<Record<string, { status: string }>>, stepId: string): boolean {
  return Object.entries(steps).every(([id, s]) => id === stepId || !ACTIVE.has(s.status));
}
