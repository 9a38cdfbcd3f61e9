// The step graph: `needs` are edges from a step to the steps it waits for.
import type { StepStatus } from '../run/status';

export interface DagStep {
  id: string;
  needs: readonly string[];
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

/** Pending steps whose needs have all succeeded: due to be queued now, in declaration order. */
export function readySteps(def: { steps: readonly DagStep[] }, statuses: Statuses): string[] {
  return def.steps
    .filter((s) => statusOf(statuses, s.id) === 'pending')
    .filter((s) => s.needs.every((n) => statuses[n] === 'succeeded'))
    .map((s) => s.id);
}

const DEAD_END: ReadonlySet<StepStatus> = new Set(['failed', 'skipped', 'cancelled']);

/**
 * Pending steps that can never run, to be marked `skipped`. The rule: a step runs only when every
 * step it needs succeeded, so a dependant of a failed, skipped or cancelled step is skipped. The
 * result is transitive (a dependant of a blocked step is blocked too), so one call settles the run
 * and `deriveRunStatus` can see it is finished. There is no "run anyway" flag yet.
 */
export function blockedSteps(def: { steps: readonly DagStep[] }, statuses: Statuses): string[] {
  const blocked = new Set<string>();
  const isDeadEnd = (id: string) => blocked.has(id) || DEAD_END.has(statusOf(statuses, id));
  let changed = true;
  while (changed) {
    changed = false;
    for (const step of def.steps) {
      if (blocked.has(step.id) || statusOf(statuses, step.id) !== 'pending') continue;
      if (step.needs.some(isDeadEnd)) {
        blocked.add(step.id);
        changed = true;
      }
    }
  }
  return def.steps.filter((s) => blocked.has(s.id)).map((s) => s.id);
}
