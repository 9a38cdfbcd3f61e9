import { describe, expect, it } from 'vitest';
import { runDurationMs, runStats } from './run-stats';

const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s)).toISOString();
const run = (status: string, start: number | null, end: number | null) => ({ status, startedAt: start === null ? null : at(start), finishedAt: end === null ? null : at(end) });

describe('runStats', () => {
  it('rates finished runs only, leaving cancelled and active ones out', () => {
    const stats = runStats([run('succeeded', 0, 10), run('succeeded', 0, 30), run('failed', 0, 20), run('cancelled', 0, 5), run('running', 0, null), run('queued', null, null)]);
    expect(stats).toEqual({ runs: 6, succeeded: 2, failed: 1, cancelled: 1, active: 2, successRate: 2 / 3, medianDurationMs: 20_000 });
  });

  it('has no rate or duration before anything finished, and averages the middle two', () => {
    expect(runStats([run('running', 0, null)])).toMatchObject({ successRate: null, medianDurationMs: null, active: 1 });
    expect(runStats([run('succeeded', 0, 10), run('failed', 0, 20)]).medianDurationMs).toBe(15_000);
    expect(runDurationMs(run('succeeded', 10, 5))).toBeNull();
  });
});
