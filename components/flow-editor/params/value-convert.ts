// Conversions between a param's stored value and what its input shows. A value holding `{{` is a
// template: it opens in expression mode, where the text is the template itself.
import { soleExpression } from '@/engine/params/template-scan';
import type { FieldDescriptor } from './field-kind';

export const isExpressionValue = (value: unknown): value is string => typeof value === 'string' && value.includes('{{');

/** Switching to expression mode: a string stays as typed, another literal becomes `{{ <json> }}` (same type). */
export function toExpressionText(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return `{{ ${JSON.stringify(value)} }}`;
}

/** Switching back to a fixed value: a literal inside `{{ }}` or plain text that fits the field; otherwise cleared. */
export function fromExpressionText(text: string, field: FieldDescriptor): unknown {
  if (text.trim() === '') return undefined;
  const sole = soleExpression(text);
  if (sole !== undefined) {
    const parsed = parseJsonText(sole);
    return parsed.ok ? parsed.value : undefined;
  }
  if (text.includes('{{')) return undefined;
  if (field.kind === 'string' || field.kind === 'json') return text;
  if (field.kind === 'number') {
    const n = parseNumberText(text, field.integer);
    return n.ok ? n.value : undefined;
  }
  if (field.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : undefined;
  if (field.kind === 'enum') return field.options.find((o) => String(o) === text);
  return undefined;
}

export type Parsed = { ok: true; value: unknown } | { ok: false; error: string };

export function parseNumberText(text: string, integer: boolean): Parsed {
  const t = text.trim();
  if (t === '') return { ok: true, value: undefined };
  const n = Number(t);
  if (!Number.isFinite(n)) return { ok: false, error: 'not a number' };
  if (integer && !Number.isInteger(n)) return { ok: false, error: 'a whole number is expected' };
  return { ok: true, value: n };
}

/** JSON as typed; empty text means "not set". The parse error keeps JSON.parse's own wording. */
export function parseJsonText(text: string): Parsed {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
}

/** Typing `{{` into a number or JSON input starts a template: that text is committed as is (and opens expression mode). */
export const orTemplate = (parse: (t: string) => Parsed) => (text: string): Parsed => {
  const parsed = parse(text);
  return !parsed.ok && text.includes('{{') ? { ok: true, value: text } : parsed;
};

export function jsonText(value: unknown): string {
  if (value === undefined) return '';
  const compact = JSON.stringify(value);
  return compact.length > 40 && typeof value === 'object' && value !== null ? JSON.stringify(value, null, 2) : compact;
}

/** "default: GET", "default: {attempts: 2, …}" — what a field takes when left empty. */
export function defaultLabel(field: FieldDescriptor): string | null {
  if (!field.hasDefault) return null;
  const d = field.default;
  const text = typeof d === 'string' ? d : JSON.stringify(d);
  return `default: ${text.length > 60 ? `${text.slice(0, 57)}…` : text}`;
}

/** Record rows ↔ object: rows keep order and may hold an empty key while it is being typed. */
export type Row = { key: string; value: unknown };
export const recordToRows = (value: unknown): Row[] =>
  value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value).map(([key, v]) => ({ key, value: v })) : [];
export function rowsToRecord(rows: readonly Row[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const r of rows) if (r.key !== '' && !(r.key in out)) out[r.key] = r.value;
  return out;
}
/** Which keys are typed twice (only the first one counts). */
export const duplicateKeys = (rows: readonly Row[]): Set<string> =>
  new Set(rows.filter((r, i) => r.key !== '' && rows.findIndex((o) => o.key === r.key) !== i).map((r) => r.key));
