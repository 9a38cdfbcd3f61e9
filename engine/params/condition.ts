// Conditions (`trigger.filter`, a step's `if`) and static template checks. A condition is a bare
// JSONata expression; `{{ }}` around it is accepted too, because authors write both forms.
import { checkExpression, evaluateExpression, type EvaluateOptions, type TemplateContext } from './template';
import { collectExpressions, isPlainObject, soleExpression } from './template-scan';

export function conditionExpression(text: string): string {
  return soleExpression(text) ?? text.trim();
}

/**
 * JSONata's truthiness (as `$boolean`), not JavaScript's: an empty array or object is false, so
 * `event.payload.labels[name = "deploy"]` with no match does not fire.
 */
export function isTruthy(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'string') return value.length > 0;
  if (Array.isArray(value)) return value.some(isTruthy);
  if (isPlainObject(value)) return Object.keys(value).length > 0;
  return false; // functions and anything exotic
}

export async function evaluateCondition(text: string, ctx: TemplateContext, opts?: EvaluateOptions): Promise<boolean> {
  return isTruthy(await evaluateExpression(conditionExpression(text), ctx, opts));
}

export interface TemplateProblem {
  /** Dotted path inside the inspected value; '' for the value itself. */
  path: string;
  expression: string;
  message: string;
}

/** Expressions inside `value` that do not parse, and `{{` left unclosed, each with its path. */
export function checkTemplate(value: unknown): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const found of collectExpressions(value)) {
    const message = found.kind === 'unclosed' ? '"{{" without a closing "}}"' : checkExpression(found.expr);
    if (message) problems.push({ path: found.path, expression: found.expr, message });
  }
  return problems;
}
