import { describe, expect, it } from 'vitest';
import { parseCommit } from './conventional-commit';

describe('parseCommit', () => {
  it('reads type, scope and subject', () => {
    expect(parseCommit('a1', 'feat(api): add orders endpoint')).toEqual({
      sha: 'a1',
      type: 'feat',
      scope: 'api',
      subject: 'add orders endpoint',
      breaking: false,
      tickets: [],
    });
    expect(parseCommit('a2', 'Fix: crash on empty cart')).toMatchObject({ type: 'fix', scope: null, subject: 'crash on empty cart' });
  });

  it('marks breaking changes by ! or a BREAKING CHANGE footer', () => {
    expect(parseCommit('b1', 'feat(api)!: drop v1 routes').breaking).toBe(true);
    expect(parseCommit('b2', 'refactor!: new config format').breaking).toBe(true);
    expect(parseCommit('b3', 'fix: tighten validation', 'Details.\n\nBREAKING CHANGE: rejects empty names').breaking).toBe(true);
    expect(parseCommit('b4', 'fix: x', 'BREAKING-CHANGE: y').breaking).toBe(true);
    expect(parseCommit('b5', 'fix: x', 'mentions a BREAKING CHANGE: inline only').breaking).toBe(false);
  });

  it('keeps non-conventional messages as type other', () => {
    expect(parseCommit('c1', 'Merge branch main into feature')).toMatchObject({ type: 'other', scope: null, subject: 'Merge branch main into feature' });
    expect(parseCommit('c2', 'feat:no space').type).toBe('other');
  });

  it('extracts tickets from subject and body', () => {
    expect(parseCommit('d1', 'fix(cart): PROJ-12 rounding', 'See also OPS-3').tickets).toEqual(['PROJ-12', 'OPS-3']);
  });
});
