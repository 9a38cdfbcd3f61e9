// Pure shaping of PipelineMetrics for the charts: points on a time axis (ms since epoch) and
// deployments counted per week over the chosen window.
import type { PipelineMetrics } from '@/engine/dto/trains';

const WEEK = 7 * 86_400_000;

export interface LeadPoint {
  t: number;
  hours: number | null;
  train: number;
  version: string;
  failed: boolean;
}

/** One point per train that reached production, at the time it arrived (else departed). */
export function leadPoints(series: PipelineMetrics['series']): LeadPoint[] {
  return series.map((s) => ({
    t: Date.parse(s.arrivedAt ?? s.departedAt),
    hours: s.leadTimeMs === null ? null : Math.round((s.leadTimeMs / 3_600_000) * 10) / 10,
    train: s.train,
    version: s.version,
    failed: s.failed,
  }));
}

/** Weeks ending at `now`, oldest first, each with how many trains reached production in it. */
export function weeklyDeployments(series: PipelineMetrics['series'], days: number, now: number): { t: number; count: number }[] {
  const weeks = Math.max(1, Math.ceil(days / 7));
  const start = now - weeks * WEEK;
  const buckets = Array.from({ length: weeks }, (_, i) => ({ t: start + i * WEEK + WEEK / 2, count: 0 }));
  for (const s of series) {
    const at = Date.parse(s.arrivedAt ?? s.departedAt);
    const i = Math.floor((at - start) / WEEK);
    if (i >= 0 && i < weeks) buckets[i].count += 1;
  }
  return buckets;
}

/** The time axis: the whole window, so an empty stretch reads as "no releases", not as zoom. */
export const timeDomain = (days: number, now: number): [number, number] => [now - Math.ceil(days / 7) * WEEK, now];

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
