import { describe, expect, it } from 'vitest';
import { claimNeeds, events, Lru, runKeys, versions } from './transition-cache';

describe('Lru', () => {
  it('evicts the least recently used entry past its bound; a read counts as a use', () => {
    const lru = new Lru<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3);
    expect(lru.get('b')).toBeUndefined();
    expect([lru.get('a'), lru.get('c'), lru.size]).toEqual([1, 3, 2]);
  });
});

describe('claimNeeds', () => {
  it('asks the claim for the event and the version until both are cached for the run', () => {
    expect(claimNeeds('run-x')).toEqual({ event: true, definition: true });
    runKeys.set('run-x', { versionId: 'v1', eventId: 'e1' });
    versions.set('v1', { steps: [] } as never);
    expect(claimNeeds('run-x')).toEqual({ event: true, definition: false });
    events.set('e1', { id: 'e1', sourceKey: 's', type: 't', payload: {}, headers: {}, receivedAt: new Date() });
    expect(claimNeeds('run-x')).toEqual({ event: false, definition: false });
  });
});
