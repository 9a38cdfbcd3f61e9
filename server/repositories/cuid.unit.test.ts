import { describe, expect, it } from 'vitest';
import { newCuid } from './cuid';

describe('newCuid', () => {
  it('is shaped like a Prisma cuid and sorts in creation order within a process', () => {
    const ids = Array.from({ length: 2000 }, () => newCuid());
    expect(ids.every((id) => /^c[0-9a-z]{24}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
