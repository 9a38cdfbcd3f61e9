// A compact before → after diff for audit entries: the leaf paths that differ, so a workflow
// publish shows "steps.0.with.message: first → second" instead of two whole definitions.
export type Change = { path: string; before: unknown; after: unknown };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

export function diffValues(before: unknown, after: unknown, path = '', out: Change[] = [], max = 50): Change[] {
  if (out.length >= max) return out;
  // A created (or deleted) subject: list its fields one by one rather than one opaque object.
  if (!path && before == null && isObject(after)) before = {};
  if (!path && after == null && isObject(before)) after = {};
  if (isObject(before) && isObject(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const k of keys) diffValues(before[k], after[k], path ? `${path}.${k}` : k, out, max);
    return out;
  }
  if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ path: path || '(value)', before, after });
  return out;
}

/** Short text for one side of a change; long values are cut so the table stays readable. */
export function preview(value: unknown, max = 80): string {
  if (value === undefined) return '—';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
