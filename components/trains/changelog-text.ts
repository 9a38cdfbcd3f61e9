// The changelog is text written by a workflow (commit subjects, ticket keys). It is shown as text:
// no HTML is ever interpreted. Lines become blocks (headings "# …", list items "- …" / "* …",
// plain lines), and inside them only http(s) links, ticket keys (SHOP-123), `code` and **bold**
// (conventional-commit scopes) are picked out.
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'ticket'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'strong'; text: string };
export type Block = { kind: 'heading' | 'item' | 'text'; parts: Inline[] } | { kind: 'gap' };

// A URL ends before whitespace and before trailing punctuation that usually closes a sentence.
const TOKEN = /(https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?])|\b([A-Z][A-Z0-9_]+-\d+)\b|`([^`]+)`|\*\*([^*]+)\*\*/g;

export function inlineParts(line: string): Inline[] {
  const parts: Inline[] = [];
  let last = 0;
  for (const m of line.matchAll(TOKEN)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: line.slice(last, at) });
    if (m[1]) parts.push({ kind: 'link', text: m[1], href: m[1] });
    else if (m[2]) parts.push({ kind: 'ticket', text: m[2] });
    else if (m[3] !== undefined) parts.push({ kind: 'code', text: m[3] });
    else parts.push({ kind: 'strong', text: m[4] ?? '' });
    last = at + m[0].length;
  }
  if (last < line.length) parts.push({ kind: 'text', text: line.slice(last) });
  return parts;
}

export function changelogBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (!line.trim()) {
      if (blocks.length && blocks[blocks.length - 1].kind !== 'gap') blocks.push({ kind: 'gap' });
      continue;
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (heading) blocks.push({ kind: 'heading', parts: inlineParts(heading[1]) });
    else if (item) blocks.push({ kind: 'item', parts: inlineParts(item[1]) });
    else blocks.push({ kind: 'text', parts: inlineParts(line) });
  }
  while (blocks.length && blocks[blocks.length - 1].kind === 'gap') blocks.pop();
  return blocks;
}

/** Ticket keys mentioned anywhere in the changelog, in order of first mention. */
export function ticketKeys(text: string): string[] {
  return [...new Set([...text.matchAll(/\b([A-Z][A-Z0-9_]+-\d+)\b/g)].map((m) => m[1]))];
}
