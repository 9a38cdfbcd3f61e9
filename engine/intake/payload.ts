// Small helpers shared by the preset readers. Webhook bodies are foreign JSON, so every read is
// defensive: a missing or oddly typed field yields null rather than throwing, and the reader
// turns that into an error message that names the field.
import { invalidEventTypeMessage, isValidEventType } from './event-type';

export type DeriveResult =
  | { ok: true; types: string[]; deliveryId: string | null }
  | { ok: false; error: string };

/** Request headers with lower-cased names (see normalizeHeaders). */
export type LowerHeaders = Readonly<Record<string, string>>;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A header's trimmed value, or null when absent or blank (a blank id is no id). */
export function headerValue(headers: LowerHeaders, name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The non-blank string at a path inside a JSON value, or null. */
export function stringAt(value: unknown, ...path: string[]): string | null {
  let current = value;
  for (const key of path) {
    if (!isRecord(current)) return null;
    current = current[key];
  }
  if (typeof current !== 'string') return null;
  const trimmed = current.trim();
  return trimmed === '' ? null : trimmed;
}

/** `Tag Push`, `tag_push`, `TAG-PUSH` → `tag-push`. */
export function kebab(value: string): string {
  return value
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-');
}

// Types become registry keys, trigger values and URL segments in the UI, so anything a sender
// can smuggle in through a header must look like a type (the one rule in event-type.ts).
export function ok(types: string[], deliveryId: string | null): DeriveResult {
  const bad = types.find((t) => !isValidEventType(t));
  if (bad !== undefined) return fail(`${invalidEventTypeMessage(bad)} (derived from the delivery)`);
  return { ok: true, types, deliveryId };
}

export function fail(error: string): DeriveResult {
  return { ok: false, error };
}
