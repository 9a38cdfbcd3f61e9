import { describe, expect, it } from 'vitest';
import { idAfter } from './live-hub';

describe('idAfter (Redis stream ids)', () => {
  it('compares milliseconds, then the sequence, as numbers rather than text', () => {
    expect(idAfter('1700000000001-0', '1700000000000-9')).toBe(true);
    expect(idAfter('1700000000000-10', '1700000000000-9')).toBe(true);
    expect(idAfter('1700000000000-9', '1700000000000-9')).toBe(false);
    expect(idAfter('999-0', '1000-0')).toBe(false);
  });
});
