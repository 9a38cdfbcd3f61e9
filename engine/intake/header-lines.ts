// Request headers typed by a person (the Simulate page): one `Name: value` per line, as they
// appear on the wire. Names are HTTP tokens (RFC 9110); the first colon ends the name, so a value
// may hold colons (a URL, a time). Blank lines are skipped. The limits are the simulate API's.

export const MAX_HEADER_LINES = 100;
export const MAX_HEADER_VALUE = 8192;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export type HeaderLines = { ok: true; headers: Record<string, string> } | { ok: false; error: string };

export function parseHeaderLines(text: string): HeaderLines {
  // A Map, then fromEntries: a "__proto__" line is a header like any other, not the prototype.
  const headers = new Map<string, string>();
  const lines = text.split(/\r?\n/);
  let count = 0;
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === '') continue;
    if (++count > MAX_HEADER_LINES) return { ok: false, error: `more than ${MAX_HEADER_LINES} headers` };
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, error: `line ${i + 1}: expected "Name: value"` };
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!TOKEN.test(name)) return { ok: false, error: `line ${i + 1}: "${name.slice(0, 40)}" is not a header name (letters, digits and - only, no spaces)` };
    if (value.length > MAX_HEADER_VALUE) return { ok: false, error: `line ${i + 1}: the value is longer than ${MAX_HEADER_VALUE} characters` };
    // A name given twice is joined as HTTP lists are (normalizeHeaders does the same for the intake).
    const key = name.toLowerCase();
    const previous = headers.get(key);
    headers.set(key, previous === undefined ? value : `${previous}, ${value}`);
  }
  return { ok: true, headers: Object.fromEntries(headers) };
}

/** The lines for stored headers (a stored event's), leaving out the masked credentials. */
export function formatHeaderLines(headers: Record<string, string>, masked: string): string {
  return Object.entries(headers).filter(([, v]) => v !== masked).map(([k, v]) => `${k}: ${v}`).join('\n');
}
