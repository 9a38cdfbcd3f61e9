/** Joins class names, skipping falsy ones. Enough for our components; no merge semantics needed. */
export function cn(...parts: (string | false | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ');
}
