// Checks zod cannot express: references between steps, the action catalog, and expressions.
import { lookupAction, type ActionDefinition, type ActionLookup } from '../actions/definition';
import { checkTemplate, conditionExpression } from '../params/condition';
import { checkExpression } from '../params/template';
import { collectExpressions, hasTemplate } from '../params/template-scan';
import { findCycle } from './dag';
import { checkStepSecrets, secretsOutsideSteps } from './validate-secrets';
import type { WorkflowStep } from './schema';
import type { WorkflowIssue } from './validate';

export interface SemanticInput {
  /** Well-formed steps with their position in the document. */
  steps: { index: number; step: WorkflowStep }[];
  /** Every step's id as written (undefined where missing), so a malformed step is still "known". */
  allIds: (string | undefined)[];
  filter?: string;
  concurrencyKey?: string;
  layoutKeys: string[];
  name?: string;
  /** Granted secret names, when known (publishing); undefined skips the grant check only. */
  secretGrants?: readonly string[];
}

export const stepLabel = (id: string | undefined, index: number): string => (id ? `step "${id}"` : `step #${index + 1}`);

export function checkSemantics(input: SemanticInput, catalog: ActionLookup): WorkflowIssue[] {
  const issues: WorkflowIssue[] = [];
  const known = new Set(input.allIds.filter((id): id is string => id !== undefined));
  const stepIssue = (index: number, id: string, field: string, message: string, subPath = field): void => {
    issues.push({ path: `steps.${index}.${subPath}`, step: id, field, message: `step "${id}": ${message}` });
  };

  const firstIndex = new Map<string, number>();
  input.allIds.forEach((id, index) => {
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else stepIssue(index, id, 'id', `id: duplicate step id (step #${first + 1} has it too)`);
  });

  for (const { index, step } of input.steps) {
    const action = lookupAction(catalog, step.action);
    if (!action) stepIssue(index, step.id, 'action', `unknown action "${step.action}"`);
    else checkParams(step, action, (field, msg) => stepIssue(index, step.id, field, `${field}: ${msg}`));
    for (const p of checkTemplate(step.with)) {
      const field = `with.${p.path}`;
      stepIssue(index, step.id, field, `${field}: invalid expression "{{ ${p.expression} }}": ${p.message}`);
    }
    for (const s of checkStepSecrets(step, input.secretGrants, input.name)) stepIssue(index, step.id, s.field, s.message);
    if (step.if !== undefined) {
      const error = checkExpression(conditionExpression(step.if));
      if (error) stepIssue(index, step.id, 'if', `if: invalid expression "${step.if}": ${error}`);
    }
    step.needs.forEach((need, j) => {
      if (need === step.id) stepIssue(index, step.id, 'needs', 'needs: a step cannot need itself', `needs.${j}`);
      else if (!known.has(need)) stepIssue(index, step.id, 'needs', `needs: unknown step "${need}"`, `needs.${j}`);
    });
  }

  // Self-needs are reported above; leaving them out keeps the cycle report about real cycles.
  const cycle = findCycle(input.steps.map(({ step }) => ({ id: step.id, needs: step.needs.filter((n) => n !== step.id) })));
  if (cycle) {
    const index = input.steps.find(({ step }) => step.id === cycle[0])?.index ?? 0;
    const chain = [...cycle, cycle[0]].join(' -> ');
    stepIssue(index, cycle[0], 'needs', `needs: steps form a cycle: ${chain} (each needs the next)`);
  }

  if (input.filter !== undefined) {
    const error = checkExpression(conditionExpression(input.filter));
    if (error) issues.push(topIssue('trigger.filter', `invalid expression "${input.filter}": ${error}`));
    const secretsError = secretsOutsideSteps(conditionExpression(input.filter));
    if (secretsError) issues.push(topIssue('trigger.filter', secretsError));
  }
  if (input.concurrencyKey !== undefined) {
    for (const p of checkTemplate(input.concurrencyKey)) {
      issues.push(topIssue('concurrency.key', `invalid expression "{{ ${p.expression} }}": ${p.message}`));
    }
    for (const found of collectExpressions(input.concurrencyKey)) {
      const secretsError = found.kind === 'expr' ? secretsOutsideSteps(found.expr) : null;
      if (secretsError) issues.push(topIssue('concurrency.key', secretsError));
    }
  }
  for (const key of input.layoutKeys) {
    if (!known.has(key)) issues.push({ ...topIssue(`layout.${key}`, `unknown step "${key}"`), step: key });
  }
  return issues;
}

const topIssue = (path: string, message: string): WorkflowIssue => ({ path, field: path, message: `${path}: ${message}` });

/**
 * Checks `with` against the action's params: unknown keys, missing required keys, and literal
 * values of the wrong type. Templated values are skipped: their type is known only at run time.
 */
function checkParams(step: WorkflowStep, action: ActionDefinition, report: (field: string, message: string) => void): void {
  const shape = action.params.shape;
  const accepted = Object.keys(shape);
  for (const [key, value] of Object.entries(step.with)) {
    const field = shape[key];
    if (!field) {
      report(`with.${key}`, `unknown param "${key}" for action "${action.id}" (accepted: ${accepted.join(', ')})`);
      continue;
    }
    if (value === undefined || hasTemplate(value)) continue;
    const result = field.safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = ['with', key, ...issue.path.map(String)].join('.');
        report(path, issue.message);
      }
    }
  }
  for (const [key, field] of Object.entries(shape)) {
    if (step.with[key] !== undefined) continue;
    // A field is required when it accepts no undefined (no optional, no default).
    if (!field.safeParse(undefined).success) report(`with.${key}`, `missing required param "${key}" for action "${action.id}"`);
  }
}
