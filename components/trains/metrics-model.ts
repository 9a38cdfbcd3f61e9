// Pure shaping of PipelineMetrics for the charts: points on a time axis (ms since epoch) and
// deployments counted per week over the chosen window.
import type { PipelineMetrics } from '@/engine/dto/trains';

const WEEK = 7 * 86_400_000;

/** The unit a chart of durations up to `maxMs` reads best in: seconds, minutes, hours or days. */
export function durationUnit(maxMs: number): { label: 's' | 'min' | 'h' | 'd'; ms: number } {
  if (maxMs < 120_000) return { label: 's', ms: 1000 };
  if (maxMs < 120 * 60_000) return { label: 'min', ms: 60_000 };
  if (maxMs < 48 * 3_600_000) return { label: 'h', ms: 3_600_000 };
  return { label: 'd', ms: 86_400_000 };
}

const inUnit = (ms: number | null, unitMs: number) => (ms === null ? null : Math.round((ms / unitMs) * 10) / 10);

export interface LeadPoint {
  t: number;
  /** Lead time in the chart's unit (see durationUnit). */
  value: number | null;
  train: number;
  version: string;
  failed: boolean;
}

/** One point per train that reached production, at the time it arrived (else departed). */
export function leadPoints(series: PipelineMetrics['series'], unitMs: number): LeadPoint[] {
  return series.map((s) => ({
    t: Date.parse(s.arrivedAt ?? s.departedAt),
    value: inUnit(s.leadTimeMs, unitMs),
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

/** Median time per station, in one unit for all bars; a station never timed yet has no bar. */
export function stationBars(medians: Record<string, number | null>, stations: readonly { key: string; name: string }[]) {
  const unit = durationUnit(Math.max(0, ...stations.map((s) => medians[s.key] ?? 0)));
  return { unit, bars: stations.map((s) => ({ name: s.name, value: inUnit(medians[s.key] ?? null, unit.ms), ms: medians[s.key] ?? null })) };
}

/** The time axis: the whole window, so an empty stretch reads as "no releases", not as zoom. */
export const timeDomain = (days: number, now: number): [number, number] => [now - Math.ceil(days / 7) * WEEK, now];

export function formatPercent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`;
}
