import { describe, expect, it } from 'vitest';
import { applyFact, currentStation, derailRefusal, initialStations } from './progress';
import type { StationDefinition } from './pipeline-schema';

type Def = Pick<StationDefinition, 'key' | 'reachedBy'>;
const defs: Def[] = [
  { key: 'cut', reachedBy: { workflow: 'release-cut' } },
  { key: 'preprod', reachedBy: { event: { source: 'jenkins', type: 'build-finished' } } },
  { key: 'prod', reachedBy: { workflow: 'deploy-prod' } },
];
const t0 = new Date('2026-12-01T10:00:00Z');
const t1 = new Date('2026-12-01T10:05:00Z');
const t2 = new Date('2026-12-01T10:20:00Z');

describe('station progress', () => {
  it('departs with the first station active', () => {
    const s = initialStations(defs, t0);
    expect(s.map((x) => x.status)).toEqual(['active', 'pending', 'pending']);
    expect(s[0].startedAt).toEqual(t0);
    expect(currentStation(s)?.key).toBe('cut');
  });

  it('reaches a workflow station when its run succeeds and activates the next one', () => {
    const p = applyFact(defs, initialStations(defs, t0), { kind: 'run', workflow: 'release-cut', runId: 'r1', outcome: 'succeeded' }, t1)!;
    expect(p).toMatchObject({ reached: 'cut', activated: 'preprod', arrived: false, failed: null, changed: ['cut', 'preprod'] });
    expect(p.stations[0]).toMatchObject({ status: 'reached', reachedAt: t1, runIds: ['r1'] });
    expect(p.stations[1]).toMatchObject({ status: 'active', startedAt: t1 });
  });

  it('ignores runs of other workflows, a redelivered run, and events for another station', () => {
    const start = initialStations(defs, t0);
    expect(applyFact(defs, start, { kind: 'run', workflow: 'deploy-prod', runId: 'r9', outcome: 'succeeded' }, t1)).toBeNull();
    const after = applyFact(defs, start, { kind: 'run', workflow: 'release-cut', runId: 'r1', outcome: 'succeeded' }, t1)!.stations;
    expect(applyFact(defs, after, { kind: 'run', workflow: 'release-cut', runId: 'r1', outcome: 'succeeded' }, t2)).toBeNull();
    expect(applyFact(defs, after, { kind: 'event', stationKey: 'prod', eventId: 'e1' }, t2)).toBeNull();
  });

  it('marks a failed run failed; the train keeps running and a re-run reaches the station', () => {
    const failed = applyFact(defs, initialStations(defs, t0), { kind: 'run', workflow: 'release-cut', runId: 'r1', outcome: 'failed' }, t1)!;
    expect(failed).toMatchObject({ failed: 'cut', reached: null, activated: null, arrived: false });
    expect(failed.stations[0]).toMatchObject({ status: 'failed', runIds: ['r1'] });
    expect(applyFact(defs, failed.stations, { kind: 'run', workflow: 'release-cut', runId: 'r1', outcome: 'failed' }, t1)).toBeNull();
    const rerun = applyFact(defs, failed.stations, { kind: 'run', workflow: 'release-cut', runId: 'r2', outcome: 'succeeded' }, t2)!;
    expect(rerun.stations[0]).toMatchObject({ status: 'reached', runIds: ['r1', 'r2'] });
  });

  it('reaches an event station, then arrives after the last station', () => {
    let s = applyFact(defs, initialStations(defs, t0), { kind: 'run', workflow: 'release-cut', runId: 'r1', outcome: 'succeeded' }, t1)!.stations;
    const ev = applyFact(defs, s, { kind: 'event', stationKey: 'preprod', eventId: 'e1' }, t2)!;
    expect(ev).toMatchObject({ reached: 'preprod', activated: 'prod', arrived: false });
    // The station remembers the event that reached it (the train page links to it); the next does not.
    expect(ev.stations.find((x) => x.key === 'preprod')).toMatchObject({ status: 'reached', eventId: 'e1' });
    expect(ev.stations.find((x) => x.key === 'prod')?.eventId ?? null).toBeNull();
    s = ev.stations;
    const last = applyFact(defs, s, { kind: 'run', workflow: 'deploy-prod', runId: 'r3', outcome: 'succeeded' }, t2)!;
    expect(last).toMatchObject({ reached: 'prod', activated: null, arrived: true });
    expect(currentStation(last.stations)).toBeNull();
    expect(applyFact(defs, last.stations, { kind: 'run', workflow: 'deploy-prod', runId: 'r4', outcome: 'succeeded' }, t2)).toBeNull();
  });

  it('derails only a running train, with a reason', () => {
    expect(derailRefusal({ status: 'running', number: 3 }, ' ')).toMatch(/^reason:/);
    expect(derailRefusal({ status: 'arrived', number: 3 }, 'broken')).toBe('train 3 is not running (it arrived)');
    expect(derailRefusal({ status: 'running', number: 3 }, 'broken')).toBeNull();
  });
});
