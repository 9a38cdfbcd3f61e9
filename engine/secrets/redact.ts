// Keeps secret values out of everything Railyard stores or shows: step inputs, outputs, logs and
// errors. Pure (no Node APIs), so the worker and any other layer can use it.
//
// What it catches: each secret value (≥ 4 characters; shorter ones would blank out ordinary words),
// its base64, base64url, hex and URL-encoded forms, wherever they appear inside a string.
// What it cannot catch: a secret transformed any further — hashed, split and re-joined, reversed, or
// encoded together with other text (a Basic auth header is base64 of "user:password", which
// contains no base64 of the password alone). JSONata can transform a value any way it likes, so
// redaction is best effort against accidental leaks, not a boundary: the boundary is the grant
// (an admin grants a secret to a workflow, and so trusts that workflow's editors with its value).

import { SECRET_NAME, secretRefsInAll } from './secret-refs';

export const REDACTED = '***';
const MIN_LENGTH = 4;

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Every form to hide, longest first so a longer form is replaced before a value inside it. */
function needles(secrets: Record<string, string>): string[] {
  const forms = new Set<string>();
  for (const value of Object.values(secrets)) {
    if (typeof value !== 'string' || value.length < MIN_LENGTH) continue;
    const b64 = base64(value);
    const hex = [...new TextEncoder().encode(value)].map((b) => b.toString(16).padStart(2, '0')).join('');
    for (const form of [value, b64, hex, hex.toUpperCase(), b64.replace(/=+$/, ''), b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), encodeURIComponent(value)]) {
      if (form.length >= MIN_LENGTH) forms.add(form);
    }
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A copy of `value` with secret values replaced by `***` in every string, at any depth. */
export function redactSecrets(value: unknown, secrets: Record<string, string>): unknown {
  const list = needles(secrets);
  if (list.length === 0) return value;
  // One alternation, longest first: at each position the longest matching form wins.
  const pattern = new RegExp(list.map(escapeRegExp).join('|'), 'g');
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v.replace(pattern, REDACTED);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(v))) {
      return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner)]));
    }
    return v; // numbers, booleans, null, Dates: a secret is always a string
  };
  return walk(value);
}

/**
 * The secret names bare expressions read as `secrets.NAME`, sorted and without duplicates. Only the
 * literal form counts (secret-refs.ts): `secrets["X"]` and other dynamic forms name nothing, and
 * publishing refuses them.
 */
export function secretNamesIn(expressions: string[]): string[] {
  return secretRefsInAll(expressions).names.filter((n) => SECRET_NAME.test(n));
}
