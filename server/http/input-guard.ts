// Input that parses but cannot be stored or looked up: Postgres text and jsonb refuse U+0000, and
// an unpaired UTF-16 surrogate is not valid UTF-8 (jsonb refuses its escape too). Left alone,
// either turns a bad request into a database error and a 500; refused here, it is a named 400.
// Deep nesting is refused before parsing: recursive JSON/YAML tooling overflows the stack on it,
// and V8 can die outright (not throw) when a regular expression is compiled at that edge.
import { badRequest } from '../errors';

/** Deeper than any real payload or workflow (GitHub's webhooks nest about ten levels). */
export const MAX_NESTING = 128;

export const isStorableText = (s: string): boolean => !s.includes('\u0000') && s.isWellFormed();

/** Bracket depth of JSON text, ignoring brackets inside strings; stops counting past `limit`. */
export function jsonNestingExceeds(text: string, limit = MAX_NESTING): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** Where a parsed value holds an unstorable string (key or value), e.g. "payload.a[2]", or null. */
export function unstorablePath(value: unknown): string | null {
  const stack: [unknown, string][] = [[value, 'body']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (!isStorableText(v)) return path;
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (!isStorableText(k)) return `${path} (a key)`;
        stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return null;
}

export const unstorableMessage = (where: string) =>
  `${where} contains a NUL character (\\u0000) or an unpaired UTF-16 surrogate, which cannot be stored`;

/** Path parameters and the query string of any API request; throws a 400 naming the first bad one. */
export async function checkRequestText(request: Request, context: unknown): Promise<void> {
  for (const [key, value] of new URL(request.url).searchParams) {
    if (!isStorableText(key) || !isStorableText(value)) throw badRequest(unstorableMessage(`query parameter "${key.slice(0, 50)}"`));
  }
  const params = (context as { params?: Promise<Record<string, unknown>> } | undefined)?.params;
  const resolved = params ? await params : undefined;
  for (const [name, value] of Object.entries(resolved ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    if (values.some((v) => typeof v === 'string' && !isStorableText(v))) throw badRequest(unstorableMessage(`path parameter "${name}"`));
  }
}
