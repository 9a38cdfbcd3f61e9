// What one workflow would do for one event, without doing any of it. The trigger is decided by the
// worker's own matcher (engine/workflow/match.ts); steps are walked with the run's own edge rules
// (readySteps / blockedSteps in engine/workflow/dag.ts), assuming every step that runs succeeds, so
// failure-only branches show as skipped with the reason. Pure: no I/O, secrets never present.
import type { SimulatedStep, SimulatedWorkflow } from '../dto/simulate';
import { conditionExpression, isTruthy } from '../params/condition';
import { capPreview, type PreviewEvent } from '../params/preview-context';
import { evaluateExpression, findExpressions, TemplateError, type EvaluateOptions } from '../params/template';
import type { StepStatus } from '../run/status';
import { blockedSteps, readySteps, topoOrder } from '../workflow/dag';
import { matchesTrigger } from '../workflow/match';
import type { WorkflowDefinition, WorkflowStep } from '../workflow/schema';
import { runtimeReferences, simulationContext, type SimulationState } from './context';
import { blockedReason } from './reasons';
import { resolveParams } from './resolve-params';

export interface SimulateInput {
  definition: WorkflowDefinition;
  version: number | null;
  draft?: boolean;
  event: PreviewEvent & { source: string; type: string };
}

/** Per expression; the request as a whole is bounded by the number of steps and workflows. */
export const SIMULATE_TIMEOUT_MS = 200;
export const SIMULATE_VALUE_MAX_CHARS = 8 * 1024;

export async function simulateWorkflow(input: SimulateInput, opts: EvaluateOptions = { timeoutMs: SIMULATE_TIMEOUT_MS }): Promise<SimulatedWorkflow> {
  const { definition: def, event } = input;
  const trigger = await simulateTrigger(def, event, opts);
  const state: SimulationState = { event, workflow: def.name, version: input.version, statuses: {}, vars: {}, runtimeVars: settableVars(def) };
  const order = topoOrder(def.steps);
  const decided = new Map<string, Omit<SimulatedStep, 'params' | 'problems'>>();
  const knownVarsAfter = new Map<string, Record<string, unknown>>();
  const byId = new Map(def.steps.map((s) => [s.id, s]));

  // Same loop as the worker: ready steps run (if their `if` allows), dead ones are skipped.
  for (;;) {
    const ready = readySteps(def, state.statuses);
    const blocked = blockedSteps(def, state.statuses);
    if (ready.length === 0 && blocked.length === 0) break;
    for (const id of blocked) {
      state.statuses[id] = 'skipped';
      decided.set(id, { ...base(byId.get(id)!), wouldRun: false, reason: blockedReason(byId.get(id)!, state.statuses) });
    }
    for (const id of ready) {
      const step = byId.get(id)!;
      const seen = { ...state, vars: varsSeenBy(step, def, order, knownVarsAfter) };
      const outcome = await decideStep(step, seen, opts);
      state.statuses[id] = outcome.wouldRun ? 'succeeded' : ('skipped' satisfies StepStatus);
      decided.set(id, outcome);
      // A vars.set whose `if` is decided only at run time may or may not set its values.
      const sets = step.action === 'vars.set' && outcome.wouldRun && outcome.condition?.result !== null;
      knownVarsAfter.set(id, sets ? await varsAfter(step, seen, opts) : seen.vars);
    }
  }

  const steps: SimulatedStep[] = [];
  for (const step of def.steps) {
    const seen = { ...state, vars: varsSeenBy(step, def, order, knownVarsAfter) };
    const { params, problems } = await resolveParams(step.with, seen, opts);
    const d = decided.get(step.id) ?? { ...base(step), wouldRun: false, reason: 'not reachable' };
    const notStarting = !trigger.matched && { wouldRun: false, reason: `the workflow would not start: ${trigger.reason}` };
    steps.push({ ...d, ...notStarting, params, ...(problems.length > 0 && { problems }) });
  }
  return { name: def.name, version: input.version, ...(input.draft && { draft: true }), ...trigger, steps };
}

const base = (step: WorkflowStep) => ({ id: step.id, action: step.action, description: step.description });

async function simulateTrigger(def: WorkflowDefinition, event: SimulateInput['event'], opts: EvaluateOptions) {
  const { source, type, filter } = def.trigger;
  const expression = filter ?? null;
  if (source !== event.source || type !== event.type) {
    return { matched: false, reason: `it listens to ${source} / ${type}`, filter: { expression, result: null } };
  }
  try {
    const matched = await matchesTrigger(def, { source: event.source, type: event.type, payload: event.payload, headers: event.headers }, opts);
    if (expression === null) return { matched, filter: { expression, result: true } };
    const ctx = { event: { source: event.source, type: event.type, payload: event.payload, headers: event.headers ?? {} } };
    const value = capPreview(await evaluateExpression(conditionExpression(expression), ctx, opts), SIMULATE_VALUE_MAX_CHARS).value;
    return { matched, ...(!matched && { reason: 'its filter is false' }), filter: { expression, result: matched, value } };
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    // The worker logs a failing filter and starts nothing for that workflow.
    return { matched: false, reason: 'its filter fails', filter: { expression, result: null, error: err.message } };
  }
}

async function decideStep(step: WorkflowStep, state: SimulationState, opts: EvaluateOptions): Promise<Omit<SimulatedStep, 'params' | 'problems'>> {
  if (!step.if) return { ...base(step), wouldRun: true };
  const expression = conditionExpression(step.if);
  const later = runtimeReferences([expression], state);
  if (later.length > 0) {
    const reason = `runs only if its condition is true, which reads ${later.join(', ')} (known only at run time)`;
    return { ...base(step), wouldRun: true, reason, condition: { expression: step.if, result: null, decidedAtRunTime: later } };
  }
  try {
    const value = await evaluateExpression(expression, simulationContext([expression], state), opts);
    const result = isTruthy(value);
    const condition = { expression: step.if, result, value: capPreview(value, SIMULATE_VALUE_MAX_CHARS).value };
    return { ...base(step), wouldRun: result, ...(!result && { reason: 'its condition is false' }), condition };
  } catch (err) {
    if (!(err instanceof TemplateError)) throw err;
    // In a run, a failing `if` fails the step (and so its success dependants are skipped).
    return { ...base(step), wouldRun: false, reason: 'its condition fails, which fails the step', condition: { expression: step.if, result: null, error: err.message } };
  }
}

/** The variables a step sees: those set by vars.set steps it (transitively) needs, in run order. */
function varsSeenBy(step: WorkflowStep, def: WorkflowDefinition, order: string[], after: Map<string, Record<string, unknown>>): Record<string, unknown> {
  const byId = new Map(def.steps.map((s) => [s.id, s]));
  const ancestors = new Set<string>();
  const visit = (id: string) => {
    for (const n of byId.get(id)?.needs ?? []) {
      if (ancestors.has(n)) continue;
      ancestors.add(n);
      visit(n);
    }
  };
  visit(step.id);
  const vars: Record<string, unknown> = {};
  for (const id of order) if (ancestors.has(id)) Object.assign(vars, after.get(id));
  return vars;
}

const valuesOf = (step: WorkflowStep): Record<string, unknown> => {
  const values = (step.with as { values?: unknown }).values;
  return values && typeof values === 'object' && !Array.isArray(values) ? (values as Record<string, unknown>) : {};
};

/** Every variable name some vars.set step may set: read before it is known, it is a stand-in. */
const settableVars = (def: WorkflowDefinition) =>
  new Set(def.steps.filter((s) => s.action === 'vars.set').flatMap((s) => Object.keys(valuesOf(s))));

/** The known variables after a vars.set step: its values that depend on the event only. */
async function varsAfter(step: WorkflowStep, seen: SimulationState, opts: EvaluateOptions): Promise<Record<string, unknown>> {
  const next = { ...seen.vars };
  for (const [name, value] of Object.entries(valuesOf(step))) {
    delete next[name];
    if (runtimeReferences(findExpressions(value), seen).length > 0) continue;
    const resolved = await resolveParams({ [name]: value }, seen, opts, { cap: false });
    if (resolved.problems.length === 0) next[name] = resolved.params[name];
  }
  return next;
}
