// The registry's text form: one multi-document YAML stream, `---` before every document, so a
// whole registry is one file that diffs cleanly in git. Each document keeps its own text (a
// workflow is stored as written, comments included), so splitting works on lines rather than on
// a parsed tree: a `---` or `...` at column 0 always ends a document in YAML, even inside block
// or quoted scalars, so this split is the one a YAML parser makes.

export const STREAM_HEADER = '# Railyard registry export: sources (without secrets), event types, workflows.\n';

export interface StreamDocument {
  /** Position in the stream, counting from 1. */
  index: number;
  /** The document's text without its `---` marker, ending in one newline. */
  text: string;
  /** Line of the stream where the document's text starts (1-based). */
  line: number;
}

const START = /^---(?:[ \t]|$)/;
const END = /^\.\.\.(?:[ \t]|$)/;

/** A document's text as exported and stored: no marker lines, no trailing blank lines, one final newline. */
export function normalizeDocumentText(text: string): string {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  // A comment prelude before the text's own `---` would become a document of its own in a stream.
  const marker = lines.findIndex((l) => START.test(l));
  if (marker >= 0 && /^\s*(#.*)?$/.test(lines[marker].slice(3)) && lines.slice(0, marker).every(isBlankOrComment)) lines.splice(0, marker + 1);
  while (lines.length > 0 && (lines[lines.length - 1].trim() === '' || END.test(lines[lines.length - 1]))) lines.pop();
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

export function joinStream(documents: readonly string[]): string {
  return STREAM_HEADER + documents.map((d) => `---\n${normalizeDocumentText(d)}`).join('');
}

/** Splits a stream into documents; blank ones (only comments or nothing, e.g. the header) are dropped. */
export function splitStream(stream: string): StreamDocument[] {
  const lines = stream.replace(/\r\n/g, '\n').split('\n');
  const chunks: { lines: string[]; line: number }[] = [{ lines: [], line: 1 }];
  lines.forEach((text, i) => {
    if (START.test(text)) {
      // `--- key: value` starts the document on the marker's line.
      const rest = text.slice(3).replace(/^[ \t]+/, '');
      chunks.push({ lines: rest === '' || rest.startsWith('#') ? [] : [rest], line: rest === '' ? i + 2 : i + 1 });
    } else if (END.test(text)) chunks.push({ lines: [], line: i + 2 });
    else chunks[chunks.length - 1].lines.push(text);
  });
  const docs: StreamDocument[] = [];
  for (const chunk of chunks) {
    const text = normalizeDocumentText(chunk.lines.join('\n'));
    if (text.split('\n').every(isBlankOrComment)) continue;
    docs.push({ index: docs.length + 1, text, line: chunk.line });
  }
  return docs;
}

function isBlankOrComment(line: string): boolean {
  const t = line.trim();
  return t === '' || t.startsWith('#');
}
