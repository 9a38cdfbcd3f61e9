// Every relative link in the project's documentation points at a file in this repository: a
// user's clone has nothing outside it (a link to ../shared/DESIGN.md was a 404 for everyone else).
// Covers README.md, the other top-level *.md files, docs/*.md and plugins/README.md; web links and
// in-page anchors are not checked.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const docs = [
  ...fs.readdirSync(root).filter((f) => f.endsWith('.md')),
  ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`),
  ...(fs.existsSync(path.join(root, 'plugins/README.md')) ? ['plugins/README.md'] : []),
];

/** Targets of inline `[text](target)`, images, and reference definitions `[id]: target`, outside code. */
export function relativeLinks(markdown: string): string[] {
  const text = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...text.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]),
  ];
  return targets.filter((t) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(t));
}

describe('documentation links', () => {
  it('finds the documents to check', () => {
    expect(docs).toContain('README.md');
    expect(docs.filter((d) => d.startsWith('docs/')).length).toBeGreaterThan(0);
  });

  it('reads inline, image and reference links but not web links, anchors or code', () => {
    const md = '[a](docs/x.md#part) ![i](public/logo.svg "Logo") [w](https://example.com) [s](#top) `[c](nope.md)`\n[r]: ../outside.md\n```\n[f](fenced.md)\n```';
    expect(relativeLinks(md)).toEqual(['docs/x.md#part', 'public/logo.svg', '../outside.md']);
  });

  it.each(docs)('%s links only files inside the repository', (doc) => {
    const dir = path.dirname(path.join(root, doc));
    const broken = relativeLinks(fs.readFileSync(path.join(root, doc), 'utf8')).filter((link) => {
      const target = path.resolve(dir, decodeURIComponent(link.split('#')[0].split('?')[0]));
      return !(target === root || target.startsWith(root + path.sep)) || !fs.existsSync(target);
    });
    expect(broken).toEqual([]);
  });
});
