// Request headers as the intake sees and stores them.
//
// Names are lower-cased once at the edge so every reader can look up `x-github-event` without
// caring how a proxy spelled it. Stored headers are shown in the UI and to workflow expressions
// (`event.headers`), so credentials are masked before storing; the name stays so that "was it
// signed?" can still be answered when debugging a delivery.

/** Headers whose values are credentials (or derived from one) and must never be stored. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'proxy-authorization',
  'cookie',
  'x-gitlab-token',
  'x-hub-signature',
  'x-hub-signature-256',
]);

export const REDACTED = '[redacted]';

/**
 * Lower-cases names. A name given twice (possible with raw entry lists; `Headers` already joins
 * them) is joined with ", " as HTTP's list syntax does, rather than silently dropping one.
 */
export function normalizeHeaders(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const merged = new Map<string, string>();
  for (const [name, value] of entries) {
    const key = name.trim().toLowerCase();
    if (key === '') continue;
    const previous = merged.get(key);
    merged.set(key, previous === undefined ? value : `${previous}, ${value}`);
  }
  // fromEntries defines own properties, so a "__proto__" header cannot touch the prototype.
  return Object.fromEntries(merged);
}

/** A copy safe to persist: secret header values replaced by "[redacted]". */
export function storedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, SECRET_HEADERS.has(name.toLowerCase()) ? REDACTED : value]),
  );
}
