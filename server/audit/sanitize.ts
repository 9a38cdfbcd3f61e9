// A safety net under every audit entry: whatever a use-case passes as before/after, values under
// secret-bearing keys never reach the table. Use-cases already pass names and markers only; this
// catches the one that forgets (a new field, a workflow param called `token`).
const SECRET_KEYS = /^(secret|secrets|secrethash|secretenc|prevsecrethash|prevsecretenc|valueenc|value|hash|password|passwordhash|token|apikey|authorization)$/i;

export const REDACTED = '[redacted]';

/** JSON-safe copy with secret-bearing keys redacted; Dates become ISO strings. */
export function sanitizeAuditValue(value: unknown, depth = 0): unknown {
  if (value === undefined) return null;
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth > 20) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => sanitizeAuditValue(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue;
      out[k] = SECRET_KEYS.test(k) ? REDACTED : sanitizeAuditValue(v, depth + 1);
    }
    return out;
  }
  return String(value);
}
