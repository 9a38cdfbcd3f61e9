// Splits a string into literal text and `{{ expr }}` parts. A hand-written scanner rather than a
// regex because JSONata object constructors contain braces: `{{ {"a": {"b": 1}} }}` must end at
// the last `}}`, not the first.

export type TemplatePart = { kind: 'text'; text: string } | { kind: 'expr'; expr: string };

export interface ScanResult {
  parts: TemplatePart[];
  /** Set when a `{{` is never closed; the parts before it are still returned. */
  unclosed?: string;
}

export function scanTemplate(input: string): ScanResult {
  const parts: TemplatePart[] = [];
  let text = '';
  let i = 0;
  while (i < input.length) {
    if (input.startsWith('{{', i)) {
      const end = findClose(input, i + 2);
      if (end < 0) {
        if (text) parts.push({ kind: 'text', text });
        return { parts, unclosed: input.slice(i) };
      }
      if (text) parts.push({ kind: 'text', text });
      text = '';
      parts.push({ kind: 'expr', expr: input.slice(i + 2, end).trim() });
      i = end + 2;
    } else {
      text += input[i];
      i += 1;
    }
  }
  if (text) parts.push({ kind: 'text', text });
  return { parts };
}

/** Index of the `}}` closing an expression starting at `from`, skipping string literals and nested braces. */
function findClose(input: string, from: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = from; i < input.length; i++) {
    const c = input[i];
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '}' && depth === 0 && input[i + 1] === '}') return i;
    else if (c === '{') depth += 1;
    else if (c === '}') depth -= 1;
  }
  return -1;
}

/** The expression when the (trimmed) string is exactly one `{{ }}`; such a value keeps its type. */
export function soleExpression(input: string): string | undefined {
  const { parts, unclosed } = scanTemplate(input.trim());
  return !unclosed && parts.length === 1 && parts[0].kind === 'expr' ? parts[0].expr : undefined;
}

/** A templated value holds `{{` somewhere: it cannot be checked against a schema until the run. */
export function hasTemplate(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('{{');
  if (Array.isArray(value)) return value.some(hasTemplate);
  if (isPlainObject(value)) return Object.values(value).some(hasTemplate);
  return false;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export interface FoundExpression {
  kind: 'expr' | 'unclosed';
  /** Dotted path inside the inspected value, e.g. `headers.Authorization`; '' for the value itself. */
  path: string;
  expr: string;
}

/** Every `{{ }}` (and every unclosed `{{`) inside a value, nested objects and arrays included. */
export function collectExpressions(value: unknown, path = ''): FoundExpression[] {
  if (typeof value === 'string') {
    const { parts, unclosed } = scanTemplate(value);
    const found: FoundExpression[] = parts.flatMap((p) => (p.kind === 'expr' ? [{ kind: 'expr' as const, path, expr: p.expr }] : []));
    if (unclosed) found.push({ kind: 'unclosed', path, expr: unclosed });
    return found;
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => collectExpressions(v, joinPath(path, String(i))));
  if (isPlainObject(value)) return Object.entries(value).flatMap(([k, v]) => collectExpressions(v, joinPath(path, k)));
  return [];
}

const joinPath = (path: string, key: string): string => (path ? `${path}.${key}` : key);
