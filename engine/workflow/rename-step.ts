// Renaming a step id rewrites every reference to it: `needs`, edge conditions, layout, and
// `steps.<id>` inside templates and conditions. Rewriting works on the expression's tokens (string
// literals are left alone), so a step called `build` does not rename `steps.builder` or the text
// "steps.build" inside a quoted string.
import { scanTemplate } from '../params/template-scan';
import type { WorkflowDefinition, WorkflowStep } from './schema';

const IDENT_CHAR = /[A-Za-z0-9_$]/;

/** Rewrites `steps.<from>` (and `steps.\`from\``) in one JSONata expression. */
export function renameInExpression(expr: string, from: string, to: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '"' || c === "'") {
      const end = endOfString(expr, i);
      out += expr.slice(i, end);
      i = end;
      continue;
    }
    if (expr.startsWith('steps.', i) && (i === 0 || !IDENT_CHAR.test(expr[i - 1]) && expr[i - 1] !== '.')) {
      const rest = i + 'steps.'.length;
      const plain = expr.startsWith(from, rest) && !IDENT_CHAR.test(expr[rest + from.length] ?? '') && expr[rest + from.length] !== '-';
      const quoted = expr.startsWith(`\`${from}\``, rest);
      if (plain || quoted) {
        out += `steps.${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(to) ? to : `\`${to}\``}`;
        i = rest + (quoted ? from.length + 2 : from.length);
        continue;
      }
    }
    out += c;
    i += 1;
  }
  return out;
}

function endOfString(expr: string, start: number): number {
  const quote = expr[start];
  for (let i = start + 1; i < expr.length; i++) {
    if (expr[i] === '\\') i += 1;
    else if (expr[i] === quote) return i + 1;
  }
  return expr.length;
}

/**
 * Rewrites references inside a template string (`… {{ expr }} …`). A string whose expressions do
 * not mention the step is returned untouched, so unrelated params keep their exact spelling.
 */
export function renameInTemplate(text: string, from: string, to: string): string {
  if (!text.includes('{{')) return text;
  const { parts, unclosed } = scanTemplate(text);
  let changed = false;
  const rebuilt = parts.map((p) => {
    if (p.kind === 'text') return p.text;
    const renamed = renameInExpression(p.expr, from, to);
    if (renamed !== p.expr) changed = true;
    return `{{ ${renamed} }}`;
  });
  return changed ? rebuilt.join('') + (unclosed ?? '') : text;
}

function renameInValue(value: unknown, from: string, to: string): unknown {
  if (typeof value === 'string') return renameInTemplate(value, from, to);
  if (Array.isArray(value)) return value.map((v) => renameInValue(v, from, to));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameInValue(v, from, to)]));
  }
  return value;
}

/** A bare condition (`if:`) may also be written as `{{ }}`; both forms are rewritten. */
function renameInCondition(text: string, from: string, to: string): string {
  return text.includes('{{') ? renameInTemplate(text, from, to) : renameInExpression(text, from, to);
}

export type RenameResult = { ok: true; definition: WorkflowDefinition } | { ok: false; error: string };

export function renameStep(def: WorkflowDefinition, from: string, to: string): RenameResult {
  if (from === to) return { ok: true, definition: def };
  if (!def.steps.some((s) => s.id === from)) return { ok: false, error: `no step "${from}"` };
  if (def.steps.some((s) => s.id === to)) return { ok: false, error: `a step "${to}" already exists` };
  if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(to)) return { ok: false, error: `"${to}" must start with a letter and contain only letters, digits, _ and -` };
  const steps = def.steps.map((s): WorkflowStep => {
    const needsOn = s.needsOn && Object.fromEntries(Object.entries(s.needsOn).map(([k, v]) => [k === from ? to : k, v]));
    return {
      ...s,
      id: s.id === from ? to : s.id,
      needs: s.needs.map((n) => (n === from ? to : n)),
      ...(needsOn && { needsOn }),
      with: renameInValue(s.with, from, to) as Record<string, unknown>,
      ...(s.if !== undefined && { if: renameInCondition(s.if, from, to) }),
    };
  });
  const layout = def.layout && Object.fromEntries(Object.entries(def.layout).map(([k, v]) => [k === from ? to : k, v]));
  return { ok: true, definition: { ...def, steps, ...(layout && { layout }) } };
}
