// Keeps secret values out of everything Railyard stores or shows: step inputs, outputs, logs and
// errors. Pure (no Node APIs), so the worker and any other layer can use it.
//
// What it catches: each secret value (≥ 4 characters; shorter ones would blank out ordinary words),
// its base64 and base64url forms and its URL-encoded form, wherever they appear inside a string.
// What it cannot catch: a secret transformed any further — hashed, split, or encoded together with
// other text (a Basic auth header is base64 of "user:password", which contains no base64 of the
// password alone). Actions should use secrets, not print them.

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
    for (const form of [value, b64, b64.replace(/=+$/, ''), b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), encodeURIComponent(value)]) {
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

// `secrets.NAME` or `secrets["NAME"]` / `secrets['NAME']`, not `mysecrets.X` or `steps.a.secrets.X`.
const REFERENCE = /(?<![\w$.])secrets\s*(?:\.\s*([A-Z][A-Z0-9_]{0,63})\b|\[\s*(["'])([A-Z][A-Z0-9_]{0,63})\2\s*\])/g;

/** The secret names an expression (or template text) refers to, sorted and without duplicates. */
export function secretNamesIn(expressions: string[]): string[] {
  const names = new Set<string>();
  for (const text of expressions) {
    for (const m of text.matchAll(REFERENCE)) names.add(m[1] ?? m[3]);
  }
  return [...names].sort();
}
