// Parameter values in plain words, for the Processes view and the workflow page. A value that is
// exactly one `{{ reference }}` reads as where it comes from ("`version` from step `version`");
// anything else is shown verbatim in backticks, which components/ui/inline-code.tsx renders as code.
import { scanTemplate } from '../params/template-scan';

const MAX_TEXT = 120;
const PATH = /^[A-Za-z_$][\w$-]*(?:\.[A-Za-z_$][\w$-]*|\[\d+\])*$/;

/** Backticks for display; a backtick inside would end the code span early, so it becomes a quote. */
export function code(text: string): string {
  const clean = text.replace(/`/g, "'").replace(/\s+/g, ' ').trim();
  return `\`${clean.length > MAX_TEXT ? `${clean.slice(0, MAX_TEXT - 1)}…` : clean}\``;
}

/**
 * A plain reference (`steps.x.outputs.y`, `event.payload.a`, `secrets.NAME`, `vars.v`, `run.number`,
 * `candidate.payload.b`) in words, or null when the expression is more than a reference.
 */
export function referenceInWords(expr: string): string | null {
  const e = expr.trim();
  if (!PATH.test(e)) return null;
  const [head, ...rest] = e.split('.');
  const tail = rest.join('.');
  switch (head) {
    case 'steps': {
      const [step, kind, ...field] = rest;
      if (!step) return null;
      if (kind === 'outputs' && field.length > 0) return `${code(field.join('.'))} from step ${code(step)}`;
      if (kind === 'status') return `the status of step ${code(step)}`;
      return `${code(rest.slice(1).join('.') || 'the result')} of step ${code(step)}`;
    }
    case 'event':
      return tail ? `the event's ${code(tail)}` : 'the event';
    case 'candidate':
      return tail ? `the awaited event's ${code(tail)}` : 'the awaited event';
    case 'secrets':
      return tail ? `secret ${code(tail)}` : null;
    case 'vars':
      return tail ? `variable ${code(tail)}` : null;
    case 'run':
      return tail ? `the run's ${code(tail)}` : null;
    default:
      return null;
  }
}

/** Any parameter value in words. */
export function valueInWords(value: unknown): string {
  if (typeof value === 'string') {
    const { parts, unclosed } = scanTemplate(value);
    if (!unclosed && parts.length === 1 && parts[0].kind === 'expr') {
      return referenceInWords(parts[0].expr) ?? code(value);
    }
    return code(value);
  }
  if (value === null || value === undefined) return code(String(value));
  if (typeof value === 'number' || typeof value === 'boolean') return code(String(value));
  if (Array.isArray(value)) return value.length === 0 ? 'nothing' : listInWords(value.map(valueInWords));
  return namedValuesInWords(value as Record<string, unknown>);
}

/** `{ version: "{{ vars.v }}", n: 2 }` → "`version` = variable `v` and `n` = `2`"; larger objects as code. */
export function namedValuesInWords(record: Record<string, unknown>, limit = 4): string {
  const entries = Object.entries(record);
  if (entries.length === 0) return code('{}');
  const flat = entries.every(([, v]) => v === null || typeof v !== 'object');
  if (!flat) return code(JSON.stringify(record));
  const shown = entries.slice(0, limit).map(([k, v]) => `${code(k)} = ${valueInWords(v)}`);
  return listInWords(entries.length > limit ? [...shown, `${entries.length - limit} more`] : shown);
}

/** "a", "a and b", "a, b and c". */
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 90000 → "1.5 minutes", 3600000 → "1 hour". */
export function durationInWords(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1000, 'second']];
  for (const [size, name] of units) {
    if (ms >= size) {
      const n = Math.round((ms / size) * 10) / 10;
      return `${n} ${name}${n === 1 ? '' : 's'}`;
    }
  }
  return `${ms} ms`;
}
