// Parameter templates (DESIGN.md "Parameters"): inside a string, `{{ expr }}` is JSONata over the
// run context. A string that is exactly one `{{ }}` keeps the value's type; otherwise the results
// are interpolated into the text.
import jsonata from 'jsonata';
import { collectExpressions, isPlainObject, scanTemplate, soleExpression } from './template-scan';

export interface TemplateContext {
  event?: unknown;
  steps?: Record<string, { status: string; outputs?: unknown }>;
  vars?: Record<string, unknown>;
  secrets?: Record<string, string>;
  run?: unknown;
  [key: string]: unknown;
}

export interface EvaluateOptions {
  /** Wall-clock budget per expression; default 1000 ms. */
  timeoutMs?: number;
}

export class TemplateError extends Error {
  constructor(
    readonly expression: string,
    readonly reason: string,
    readonly code?: string,
  ) {
    super(`expression "{{ ${expression} }}": ${reason}`);
    this.name = 'TemplateError';
  }
}

const DEFAULT_TIMEOUT_MS = 1000;
// Deep enough for any sane expression; a runaway recursive function fails with a clear error
// instead of overflowing the worker's JS stack.
const MAX_DEPTH = 2000;
const CACHE_LIMIT = 500;
// The worker evaluates the same few expressions for every run; parsing dominates small evaluations.
const compiled = new Map<string, jsonata.Expression>();

function compile(expr: string, timeoutMs: number): jsonata.Expression {
  const key = `${timeoutMs}\u0000${expr}`;
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key); // re-insert: Map order doubles as least-recently-used order
    compiled.set(key, hit);
    return hit;
  }
  let compiledExpr: jsonata.Expression;
  try {
    // jsonata's own guardrails check the clock on every evaluation step. A Promise.race with a timer
    // would not work: evaluation is a chain of microtasks, so a timer never fires while it loops.
    compiledExpr = jsonata(expr, { timeout: timeoutMs, stack: MAX_DEPTH });
  } catch (err) {
    throw new TemplateError(expr, `does not parse: ${describeJsonataError(err)}`, codeOf(err));
  }
  compiled.set(key, compiledExpr);
  if (compiled.size > CACHE_LIMIT) compiled.delete(compiled.keys().next().value as string);
  return compiledExpr;
}

/** Every `{{ }}` expression inside `value` (nested objects and arrays too), in document order. */
export function findExpressions(value: unknown): string[] {
  return collectExpressions(value).flatMap((f) => (f.kind === 'expr' ? [f.expr] : []));
}

/** The parse error message for `expr`, or null when it is valid JSONata. */
export function checkExpression(expr: string): string | null {
  if (expr.trim() === '') return 'empty expression';
  try {
    jsonata(expr);
    return null;
  } catch (err) {
    return describeJsonataError(err);
  }
}

export async function evaluateExpression(expr: string, ctx: TemplateContext, opts: EvaluateOptions = {}): Promise<unknown> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const compiledExpr = compile(expr, timeoutMs);
  try {
    return normalize(await compiledExpr.evaluate(ctx));
  } catch (err) {
    const code = codeOf(err);
    if (code === 'D1012') throw new TemplateError(expr, `timed out after ${timeoutMs} ms (runaway loop?)`, code);
    if (code === 'D1011') throw new TemplateError(expr, `exceeded the maximum depth of ${MAX_DEPTH} (runaway recursion?)`, code);
    if (err instanceof RangeError) throw new TemplateError(expr, `failed: ${err.message}`);
    throw new TemplateError(expr, `failed: ${describeJsonataError(err)}`, code);
  }
}

/** Resolves every template inside `value` (strings, nested objects and arrays); literals pass through. */
export async function resolveTemplate(value: unknown, ctx: TemplateContext, opts: EvaluateOptions = {}): Promise<unknown> {
  if (typeof value === 'string') return resolveString(value, ctx, opts);
  if (Array.isArray(value)) return Promise.all(value.map((v) => resolveTemplate(v, ctx, opts)));
  if (isPlainObject(value)) {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, await resolveTemplate(v, ctx, opts)] as const),
    );
    return Object.fromEntries(entries);
  }
  return value;
}

async function resolveString(text: string, ctx: TemplateContext, opts: EvaluateOptions): Promise<unknown> {
  const sole = soleExpression(text);
  if (sole !== undefined) return evaluateExpression(sole, ctx, opts);
  const { parts, unclosed } = scanTemplate(text);
  if (unclosed) throw new TemplateError(unclosed, 'has "{{" without a closing "}}"');
  let out = '';
  for (const part of parts) {
    out += part.kind === 'text' ? part.text : stringifyForText(await evaluateExpression(part.expr, ctx, opts));
  }
  return out;
}

function stringifyForText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** JSONata marks result arrays as sequences with extra properties; hand callers plain JSON-like data. */
function normalize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalize);
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  if (typeof value === 'function') return undefined; // a lambda is not a parameter value
  return value;
}

function codeOf(err: unknown): string | undefined {
  return typeof err === 'object' && err !== null && typeof (err as { code?: unknown }).code === 'string'
    ? (err as { code: string }).code
    : undefined;
}

function describeJsonataError(err: unknown): string {
  if (typeof err !== 'object' || err === null) return String(err);
  const e = err as { message?: string; position?: number; code?: string };
  const where = typeof e.position === 'number' ? ` (at position ${e.position})` : '';
  return `${e.message ?? 'unknown error'}${where}`;
}
