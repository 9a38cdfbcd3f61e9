import { describe, expect, it } from 'vitest';
import { eventTypeYaml, sourceYaml } from './documents';
import { joinStream, normalizeDocumentText, splitStream, STREAM_HEADER } from './stream';

describe('registry stream', () => {
  it('joins documents after a header, each after ---, and splits them back with their text', () => {
    const wf = '# why this exists\napiVersion: railyard/v1\nkind: Workflow # trailing comment\nname: a\n';
    const stream = joinStream(['kind: Source\nkey: x\n\n\n', wf]);
    expect(stream).toBe(`${STREAM_HEADER}---\nkind: Source\nkey: x\n---\n${wf}`);
    const docs = splitStream(stream);
    expect(docs.map((d) => [d.index, d.text, d.line])).toEqual([
      [1, 'kind: Source\nkey: x\n', 3],
      [2, wf, 6],
    ]);
    expect(joinStream(docs.map((d) => d.text))).toBe(stream);
  });

  it('treats --- and ... at column 0 as markers, content on the marker line included, and drops blank documents', () => {
    const docs = splitStream('--- kind: A\nx: |\n  text\n  --- not a marker\n...\n---\n# only a comment\n---\n\n---\nkind: B\n');
    expect(docs.map((d) => d.text)).toEqual(['kind: A\nx: |\n  text\n  --- not a marker\n', 'kind: B\n']);
    expect(docs.map((d) => d.index)).toEqual([1, 2]);
  });

  it('normalises a stored text that has its own marker and prelude, so a second export is the same', () => {
    expect(normalizeDocumentText('# note\n---\nkind: Workflow\r\n...\n\n')).toBe('kind: Workflow\n');
    expect(normalizeDocumentText('a: 1')).toBe('a: 1\n');
  });

  it('writes source and event type documents in a fixed key order, without secrets', () => {
    expect(sourceYaml({ key: 'gh', name: 'GitHub', description: '', preset: 'github', authMode: 'hmac' })).toBe(
      'apiVersion: railyard/v1\nkind: Source\nkey: gh\nname: GitHub\ndescription: ""\npreset: github\nauthMode: hmac\n',
    );
    expect(eventTypeYaml({ source: 'gh', type: 'push', description: 'A push', samplePayload: { ref: 'main', n: [1, 2] } })).toBe(
      'apiVersion: railyard/v1\nkind: EventType\nsource: gh\ntype: push\ndescription: A push\nsamplePayload:\n  ref: main\n  n:\n    - 1\n    - 2\n',
    );
    expect(eventTypeYaml({ source: 'gh', type: 'push', description: '', samplePayload: null })).not.toContain('samplePayload');
  });
});
