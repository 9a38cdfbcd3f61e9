import { describe, expect, it } from 'vitest';
import { durationUnit, formatPercent, leadPoints, stationBars, timeDomain, weeklyDeployments } from './metrics-model';

const now = Date.parse('2026-12-01T12:00:00Z');
const at = (daysAgo: number) => new Date(now - daysAgo * 86_400_000).toISOString();
const point = (train: number, daysAgo: number, leadTimeMs: number | null, failed = false) => ({
  train,
  version: `1.${train}.0`,
  departedAt: at(daysAgo + 1),
  arrivedAt: at(daysAgo),
  leadTimeMs,
  failed,
});

describe('weeklyDeployments', () => {
  it('counts trains per week over the window, oldest week first', () => {
    const weeks = weeklyDeployments([point(1, 20, null), point(2, 2, null), point(3, 1, null)], 28, now);
    expect(weeks.map((w) => w.count)).toEqual([0, 1, 0, 2]);
  });
  it('leaves out trains outside the window', () => {
    expect(weeklyDeployments([point(1, 40, null)], 14, now).map((w) => w.count)).toEqual([0, 0]);
  });
});

describe('leadPoints', () => {
  it('puts each train at its arrival, lead time in the chart unit', () => {
    expect(leadPoints([point(4, 3, 5_400_000, true)], 3_600_000)).toEqual([{ t: Date.parse(at(3)), value: 1.5, train: 4, version: '1.4.0', failed: true }]);
  });
  it('falls back to the departure when the train did not arrive', () => {
    const p = { ...point(5, 3, null), arrivedAt: null };
    expect(leadPoints([p], 60_000)[0]).toMatchObject({ t: Date.parse(p.departedAt), value: null });
  });
});

describe('durationUnit and stationBars', () => {
  it('picks the unit that keeps numbers readable', () => {
    expect(durationUnit(40_000).label).toBe('s');
    expect(durationUnit(30 * 60_000).label).toBe('min');
    expect(durationUnit(5 * 3_600_000).label).toBe('h');
    expect(durationUnit(9 * 86_400_000).label).toBe('d');
  });
  it('gives every station a bar in one unit, none for a station never timed', () => {
    const { unit, bars } = stationBars({ cut: 1_300, prod: 31_000, test: null }, [
      { key: 'cut', name: 'Cut' },
      { key: 'test', name: 'Test' },
      { key: 'prod', name: 'Production' },
    ]);
    expect(unit.label).toBe('s');
    expect(bars).toEqual([
      { name: 'Cut', value: 1.3, ms: 1_300 },
      { name: 'Test', value: null, ms: null },
      { name: 'Production', value: 31, ms: 31_000 },
    ]);
  });
});

describe('timeDomain and formatPercent', () => {
  it('spans whole weeks ending now', () => {
    expect(timeDomain(10, now)).toEqual([now - 14 * 86_400_000, now]);
  });
  it('writes rates as percentages', () => {
    expect(formatPercent(0.3333)).toBe('33.3%');
    expect(formatPercent(null)).toBe('—');
  });
});
