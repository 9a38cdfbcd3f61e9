// A station is flagged when the train has waited there longer than expected: the station's
// `expectedMinutes`, else twice the median time past trains took at that station.
import { median } from './describe';

export function expectedMs(expectedMinutes: number | undefined, pastDurationsMs: readonly number[]): number | null {
  if (expectedMinutes !== undefined) return expectedMinutes * 60_000;
  const m = median(pastDurationsMs);
  return m === null ? null : 2 * m;
}

/** Only a station the train is waiting at (active, or failed awaiting a re-run) can be overdue. */
export function isOverdue(station: { status: string; startedAt: Date | null }, expected: number | null, now: Date): boolean {
  if (expected === null || !station.startedAt) return false;
  if (station.status !== 'active' && station.status !== 'failed') return false;
  return now.getTime() - station.startedAt.getTime() > expected;
}
