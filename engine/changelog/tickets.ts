// Issue-tracker keys (Jira style, PROJ-123) mentioned in commit messages, so a release can list and
// later transition the tickets aboard.

const TICKET = /\b[A-Z][A-Z0-9]+-\d+\b/g;

// Standards that look like keys but never are; without this "UTF-8" or "SHA-256" would become tickets.
const NOT_TICKETS = new Set(['UTF', 'ISO', 'SHA', 'RFC', 'TLS', 'SSL', 'HTTP', 'MD', 'CVE', 'AES', 'RSA', 'IPV']);

/** Unique keys in order of first appearance. */
export function extractTickets(...texts: readonly string[]): string[] {
  const found = new Set<string>();
  for (const text of texts) {
    for (const [key] of text.matchAll(TICKET)) {
      if (!NOT_TICKETS.has(key.slice(0, key.lastIndexOf('-')))) found.add(key);
    }
  }
  return [...found];
}

/** Unique keys across many lists, keeping first-seen order. */
export function uniqueTickets(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())];
}
