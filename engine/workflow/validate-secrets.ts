// Secrets are granted to a workflow by name (an admin's decision, Workflow.secretGrants). A step
// may read a secret only as `secrets.NAME`, NAME literal and granted; the worker loads exactly
// those names (stepSecretNames), so what a step can reach is what its text spells out.
import { conditionExpression } from '../params/condition';
import { collectExpressions } from '../params/template-scan';
import { secretRefsIn } from '../secrets/secret-refs';
import type { WorkflowStep } from './schema';

type StepText = Pick<WorkflowStep, 'with' | 'if'>;

/** Each expression a step evaluates, with the field it sits in (`with.headers.A`, `if`). */
export function stepExpressions(step: StepText): { field: string; expr: string }[] {
  const found = collectExpressions(step.with).flatMap((f) =>
    f.kind === 'expr' ? [{ field: f.path ? `with.${f.path}` : 'with', expr: f.expr }] : [],
  );
  if (step.if !== undefined) found.push({ field: 'if', expr: conditionExpression(step.if) });
  return found;
}

/** The secret names a step reads (`secrets.NAME`), sorted: what the worker may load for it. */
export function stepSecretNames(step: StepText): string[] {
  const names = new Set<string>();
  for (const { expr } of stepExpressions(step)) secretRefsIn(expr).names.forEach((n) => names.add(n));
  return [...names].sort();
}

export const DYNAMIC_SECRETS =
  'only secrets.NAME with a literal NAME may be used (not secrets[...], $lookup(secrets, ...), $keys(secrets), $each(secrets, ...), $spread(secrets), $$.secrets or the whole secrets object), because secrets are granted to a workflow by name';

/**
 * Problems with a step's use of secrets: dynamic access always; names missing from `grants` when
 * the grants are known (publishing), so an editor cannot publish a read of a secret nobody granted.
 */
export function checkStepSecrets(
  step: StepText,
  grants: readonly string[] | undefined,
  workflowName = '{name}',
): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  for (const { field, expr } of stepExpressions(step)) {
    const refs = secretRefsIn(expr);
    if (refs.dynamic) issues.push({ field, message: `${field}: "{{ ${expr} }}" reads secrets dynamically: ${DYNAMIC_SECRETS}` });
    for (const name of refs.names) {
      if (grants && !grants.includes(name)) {
        issues.push({ field, message: `${field}: secret "${name}" is not granted to this workflow (an admin grants it with PATCH /api/workflows/${workflowName} {"secretGrants": ["${name}"]}, or publishes this version)` });
      }
    }
  }
  return issues;
}

/** trigger.filter and concurrency.key see only `event`: any mention of secrets there is a mistake. */
export function secretsOutsideSteps(expr: string): string | null {
  const refs = secretRefsIn(expr);
  return refs.dynamic || refs.names.length > 0 ? 'secrets are not available here (only event is)' : null;
}
