import { describe, expect, it } from 'vitest';
import { diffValues, preview } from './diff';

describe('audit diff', () => {
  it('lists changed leaf paths, added and removed keys', () => {
    expect(diffValues({ version: 1, def: { steps: [{ with: { m: 'a' } }] }, gone: 1 }, { version: 2, def: { steps: [{ with: { m: 'b' } }] }, added: true })).toEqual([
      { path: 'version', before: 1, after: 2 },
      { path: 'def.steps.0.with.m', before: 'a', after: 'b' },
      { path: 'gone', before: 1, after: undefined },
      { path: 'added', before: undefined, after: true },
    ]);
  });

  it('treats a created subject (no before) as one change per field', () => {
    expect(diffValues(null, { name: 'x', role: 'admin' })).toEqual([
      { path: 'name', before: undefined, after: 'x' },
      { path: 'role', before: undefined, after: 'admin' },
    ]);
  });

  it('cuts long previews', () => {
    expect(preview('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
    expect(preview(undefined)).toBe('—');
  });
});
