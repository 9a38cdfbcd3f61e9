// Percentiles and summaries. Nearest-rank percentiles (no interpolation) so that p99 of 300
// samples is a real observed value, and max is reported separately because tails matter here.

export type Summary = { n: number; mean: number; p50: number; p90: number; p99: number; min: number; max: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    mean: sorted.length ? sum / sorted.length : NaN,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    min: sorted[0] ?? NaN,
    max: sorted[sorted.length - 1] ?? NaN,
  };
}

/** Rounds for display and JSON (sub-millisecond noise is not information at these scales). */
export const round = (x: number, digits = 1) => (Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

export const perSecond = (count: number, ms: number) => (ms > 0 ? (count * 1000) / ms : NaN);
