import { describe, expect, it } from 'vitest';
import { computeMetrics, METRIC_DEFINITIONS, type HistoryTrain } from './metrics';
import { expectedMs, isOverdue } from './overdue';

const d = (s: string) => new Date(`2026-${s}:00Z`);
const H = 3_600_000;
const train = (t: Partial<HistoryTrain> & Pick<HistoryTrain, 'number' | 'startedAt'>): HistoryTrain => ({
  kind: 'regular', status: 'arrived', version: `1.${t.number}.0`, finishedAt: null, productionAt: null, stations: [], features: [], ...t,
});
const st = (key: string, from: string, to: string | null) => ({ key, startedAt: d(from), reachedAt: to ? d(to) : null });

// A known history: T1 followed by a hotfix T2 within the window (failed), T3 derailed after
// production (failed), T4 restores, T5 still running, T0 before the 90-day window.
const history: HistoryTrain[] = [
  train({ number: 0, startedAt: d('08-01T00:00'), productionAt: d('08-01T05:00'), finishedAt: d('08-01T05:00'), stations: [st('cut', '08-01T00:00', '08-01T09:00')] }),
  train({ number: 1, startedAt: d('10-01T00:00'), productionAt: d('10-01T05:00'), finishedAt: d('10-01T05:00'),
    stations: [st('cut', '10-01T00:00', '10-01T01:00'), st('prod', '10-01T01:00', '10-01T05:00')],
    features: [{ readyAt: d('09-30T05:00'), firstCommitAt: d('09-29T05:00') }] }),
  train({ number: 2, kind: 'hotfix', version: '1.1.1', startedAt: d('10-02T05:00'), productionAt: d('10-02T07:00'), finishedAt: d('10-02T07:00'),
    stations: [st('cut', '10-02T05:00', '10-02T06:00'), st('prod', '10-02T06:00', '10-02T07:00')] }),
  train({ number: 3, status: 'derailed', startedAt: d('10-10T00:00'), productionAt: d('10-10T05:00'), finishedAt: d('10-10T08:00'),
    stations: [st('cut', '10-10T00:00', '10-10T03:00'), st('prod', '10-10T03:00', '10-10T05:00')],
    features: [{ readyAt: d('10-09T05:00'), firstCommitAt: null }, { readyAt: d('10-08T05:00'), firstCommitAt: null }] }),
  train({ number: 4, startedAt: d('10-20T00:00'), productionAt: d('10-20T04:00'), finishedAt: d('10-20T04:00'),
    stations: [st('cut', '10-20T00:00', '10-20T02:00'), st('prod', '10-20T02:00', '10-20T04:00')],
    features: [{ readyAt: d('10-19T16:00'), firstCommitAt: d('10-18T04:00') }] }),
  train({ number: 5, status: 'running', startedAt: d('11-30T00:00'), stations: [st('cut', '11-30T00:00', '11-30T01:00'), st('prod', '11-30T01:00', null)] }),
];

describe('DORA metrics over a known history', () => {
  const m = computeMetrics({ trains: history, stationKeys: ['cut', 'prod'], days: 90, failureWindowHours: 72, now: d('12-01T00:00') });

  it('counts deployments in the window and their frequency per week', () => {
    expect(m.deployments).toBe(4);
    expect(m.deploymentFrequencyPerWeek).toBe(0.31); // 4 / (90 / 7)
  });
  it('takes lead times as medians from ready and from the first commit', () => {
    expect(m.leadTimeFromReadyMs).toBe(24 * H); // 12, 24, 24, 48 h
    expect(m.leadTimeFromFirstCommitMs).toBe(48 * H);
  });
  it('counts failures (hotfix within the window, derailed after production) and time to restore', () => {
    expect(m.changeFailureRate).toBe(0.5);
    expect(m.timeToRestoreMs).toBe(132.5 * H); // 26 h (T1 → T2) and 239 h (T3 → T4)
  });
  it('gives the median time per station of trains that departed in the window', () => {
    expect(m.stationMedianMs).toEqual({ cut: 1 * H, prod: 2 * H });
  });
  it('has one series point per production release', () => {
    expect(m.series.map((p) => [p.train, p.failed, p.leadTimeMs, p.arrivedAt?.toISOString() ?? null])).toEqual([
      [1, true, 24 * H, '2026-10-01T05:00:00.000Z'],
      [2, false, null, '2026-10-02T07:00:00.000Z'],
      [3, true, 36 * H, null],
      [4, false, 12 * H, '2026-10-20T04:00:00.000Z'],
    ]);
  });
  it('says what each figure means, and gives nulls on an empty history', () => {
    for (const text of Object.values(METRIC_DEFINITIONS)) expect(text.length).toBeGreaterThan(20);
    const empty = computeMetrics({ trains: [], stationKeys: ['cut'], days: 30, failureWindowHours: 72, now: d('12-01T00:00') });
    expect(empty).toMatchObject({ deployments: 0, deploymentFrequencyPerWeek: 0, leadTimeFromReadyMs: null, changeFailureRate: null, timeToRestoreMs: null, stationMedianMs: { cut: null } });
  });
});

describe('overdue stations', () => {
  const now = d('12-01T10:30');
  it('uses expectedMinutes, else twice the median of past trains', () => {
    expect(expectedMs(15, [1, 2, 3])).toBe(15 * 60_000);
    expect(expectedMs(undefined, [10 * 60_000, 20 * 60_000, 30 * 60_000])).toBe(40 * 60_000);
    expect(expectedMs(undefined, [])).toBeNull();
  });
  it('flags only a station the train waits at, past its expected time', () => {
    expect(isOverdue({ status: 'active', startedAt: d('12-01T10:00') }, 20 * 60_000, now)).toBe(true);
    expect(isOverdue({ status: 'active', startedAt: d('12-01T10:00') }, 40 * 60_000, now)).toBe(false);
    expect(isOverdue({ status: 'failed', startedAt: d('12-01T10:00') }, 20 * 60_000, now)).toBe(true);
    expect(isOverdue({ status: 'reached', startedAt: d('12-01T10:00') }, 20 * 60_000, now)).toBe(false);
    expect(isOverdue({ status: 'active', startedAt: d('12-01T10:00') }, null, now)).toBe(false);
  });
});
