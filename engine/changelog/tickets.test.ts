import { describe, expect, it } from 'vitest';
import { extractTickets, uniqueTickets } from './tickets';

describe('extractTickets', () => {
  it('finds keys in subject and body, unique, in order of appearance', () => {
    expect(extractTickets('feat: checkout PROJ-123 and OPS-7', 'Refs PROJ-123, AB2-99.\nCloses OPS-7')).toEqual([
      'PROJ-123',
      'OPS-7',
      'AB2-99',
    ]);
  });

  it('ignores lowercase, single-letter, glued and standard-name lookalikes', () => {
    expect(extractTickets('proj-1 A-1 XPROJ-12abc fooPROJ-3 UTF-8 SHA-256 ISO-8601')).toEqual([]);
  });

  it('merges lists without duplicates', () => {
    expect(uniqueTickets([['A1-1', 'B-2'], ['BB-2', 'A1-1']])).toEqual(['A1-1', 'B-2', 'BB-2']);
  });
});
