import { describe, expect, it } from 'vitest';
import { preflight, type TrackTrain } from './preflight';

const scheme = { initial: '1.0.0', bump: 'minor' as const, tagPrefix: 'v' };
const now = new Date('2026-12-01T12:47:00Z');
const regular: TrackTrain = { number: 12, kind: 'regular', version: '1.5.0', stationName: 'Test environment', since: new Date('2026-12-01T10:42:00Z') };

describe('preflight', () => {
  it('lets a regular train start on an empty track with the next version', () => {
    expect(preflight({ kind: 'regular', running: [], released: [{ kind: 'regular', version: '1.4.0' }], scheme, now })).toEqual({ canStart: true, reason: null, version: '1.5.0', baseRef: null });
  });
  it('refuses a second regular train, naming the train, its station and since when', () => {
    const p = preflight({ kind: 'regular', running: [regular], released: [{ kind: 'regular', version: '1.4.0' }], scheme, now });
    expect(p.canStart).toBe(false);
    expect(p.reason).toBe('The track is busy: train 12 (1.5.0) is at Test environment since 2026-12-01 10:42 UTC (2 h 5 min). A new train departs once it arrives or is derailed.');
    // The version on offer is the one after the train on the track, not that train's own.
    expect(p.version).toBe('1.6.0');
  });
  it('lets a hotfix run beside a regular train, from the last release tag, but only one', () => {
    const released = [{ kind: 'regular' as const, version: '1.4.0' }];
    expect(preflight({ kind: 'hotfix', running: [regular], released, scheme, now })).toEqual({ canStart: true, reason: null, version: '1.4.1', baseRef: 'v1.4.0' });
    const hotfix: TrackTrain = { number: 13, kind: 'hotfix', version: '1.4.1', stationName: 'Production', since: new Date('2026-12-01T12:46:30Z') };
    const p = preflight({ kind: 'hotfix', running: [regular, hotfix], released, scheme, now });
    expect(p.canStart).toBe(false);
    expect(p.reason).toBe('A hotfix is already running: hotfix train 13 (1.4.1) is at Production since 2026-12-01 12:46 UTC (less than a minute). One hotfix runs at a time.');
  });
  it('refuses a hotfix before anything was released', () => {
    const p = preflight({ kind: 'hotfix', running: [], released: [], scheme, now });
    expect(p).toMatchObject({ canStart: false, reason: expect.stringMatching(/Nothing was released yet/) });
  });
});
