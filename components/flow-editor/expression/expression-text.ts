// Where the expressions are inside a field's text, for lint marks and completion. Templates (param
// values) hold `{{ expr }}` parts found by the engine's own scanner (engine/params/template-scan),
// so the editor and the worker agree on where an expression ends; conditions (`if`, filters) are
// one bare expression, `{{ }}` around it accepted as the engine accepts it.
import jsonata from 'jsonata';
import { scanTemplate } from '@/engine/params/template-scan';

export type ExpressionMode = 'template' | 'expression';
export type Span = { from: number; to: number; expr: string };
export type Problem = { from: number; to: number; message: string };

/** Offsets of each `{{ }}` expression's text (trimmed) in `text`, plus an unclosed `{{` if any. */
export function templateSpans(text: string): { spans: Span[]; unclosedAt: number | null } {
  const { parts, unclosed } = scanTemplate(text);
  const spans: Span[] = [];
  let pos = 0;
  for (const part of parts) {
    if (part.kind === 'text') {
      pos += part.text.length;
      continue;
    }
    const from = part.expr === '' ? pos + 2 : text.indexOf(part.expr, pos + 2);
    const close = text.indexOf('}}', from + part.expr.length);
    spans.push({ from, to: from + part.expr.length, expr: part.expr });
    pos = close + 2;
  }
  return { spans, unclosedAt: unclosed !== undefined ? text.length - unclosed.length : null };
}

export function expressionSpans(text: string, mode: ExpressionMode): { spans: Span[]; unclosedAt: number | null } {
  if (mode === 'template') return templateSpans(text);
  const inner = templateSpans(text);
  const whole = text.trim();
  // `{{ x }}` written around a condition: lint the inside.
  if (inner.spans.length === 1 && inner.unclosedAt === null && whole.startsWith('{{') && whole.endsWith('}}')) return inner;
  if (whole === '') return { spans: [], unclosedAt: null };
  return { spans: [{ from: text.indexOf(whole), to: text.indexOf(whole) + whole.length, expr: whole }], unclosedAt: null };
}

/** JSONata parse errors at their position (jsonata's `position` is the offset just past the bad token). */
export function expressionProblems(text: string, mode: ExpressionMode): Problem[] {
  const { spans, unclosedAt } = expressionSpans(text, mode);
  const problems: Problem[] = [];
  for (const span of spans) {
    if (span.expr === '') {
      problems.push({ from: Math.max(0, span.from - 2), to: Math.min(text.length, span.to + 2), message: 'empty expression' });
      continue;
    }
    try {
      jsonata(span.expr);
    } catch (err) {
      const e = err as { message?: string; position?: number; token?: string };
      const end = Math.min(span.expr.length, Math.max(1, typeof e.position === 'number' ? e.position : span.expr.length));
      const token = typeof e.token === 'string' && e.token !== '(end)' ? e.token.length : 1;
      problems.push({ from: span.from + Math.max(0, end - token), to: span.from + end, message: e.message ?? 'does not parse' });
    }
  }
  if (unclosedAt !== null) problems.push({ from: unclosedAt, to: text.length, message: '"{{" without a closing "}}"' });
  return problems;
}

/**
 * The expression text before the cursor when the cursor is inside one (after an open `{{` in a
 * template, anywhere in a condition); null when it is in literal text.
 */
export function expressionBeforeCursor(text: string, pos: number, mode: ExpressionMode): string | null {
  const before = text.slice(0, pos);
  if (mode === 'expression') {
    const open = before.lastIndexOf('{{');
    return open >= 0 && before.trimStart().startsWith('{{') ? before.slice(open + 2) : before;
  }
  const open = before.lastIndexOf('{{');
  if (open < 0 || before.lastIndexOf('}}') > open) return null;
  return before.slice(open + 2);
}

export type PathAtCursor = { path: string[]; prefix: string };

/**
 * The dotted path being typed at the end of `expr`: `event.payload.commits[0].au` → path
 * [event, payload, commits], prefix "au". Backticked names (`my-step`) and `[...]` predicates are
 * understood; a `$variable` or anything else ends the path.
 */
export function pathAtCursor(expr: string): PathAtCursor | null {
  let i = expr.length;
  const word = () => {
    const end = i;
    if (expr[i - 1] === '`') {
      const open = expr.lastIndexOf('`', i - 2);
      if (open < 0) return null;
      i = open;
      return expr.slice(open + 1, end - 1);
    }
    while (i > 0 && /[A-Za-z0-9_]/.test(expr[i - 1])) i -= 1;
    return expr.slice(i, end);
  };
  const prefix = word();
  if (prefix === null || expr[i - 1] === '$') return null;
  const path: string[] = [];
  while (expr[i - 1] === '.') {
    i -= 1;
    while (expr[i - 1] === ']') {
      const open = expr.lastIndexOf('[', i - 1);
      if (open < 0) return null;
      i = open;
    }
    const name = word();
    if (!name) return null;
    path.unshift(name);
  }
  if (expr[i - 1] === '$') return null;
  return { path, prefix };
}
