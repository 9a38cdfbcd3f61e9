// A workflow page's "how is it doing": outcomes over the runs at hand (the page asks for the last
// 50) and durations. The success rate counts finished runs only; cancelled runs are left out of it,
// since cancelling says nothing about whether the process works.
export interface RunLike {
  status: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface RunStats {
  /** How many runs were looked at. */
  runs: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** Queued, running or waiting. */
  active: number;
  /** succeeded / (succeeded + failed), 0..1; null before any run finished either way. */
  successRate: number | null;
  medianDurationMs: number | null;
}

/** Milliseconds from start to finish; null while not finished (or never started). */
export function runDurationMs(run: RunLike): number | null {
  if (!run.startedAt || !run.finishedAt) return null;
  const ms = Date.parse(run.finishedAt) - Date.parse(run.startedAt);
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

export function runStats(runs: readonly RunLike[]): RunStats {
  const count = (s: string) => runs.filter((r) => r.status === s).length;
  const succeeded = count('succeeded');
  const failed = count('failed');
  const cancelled = count('cancelled');
  const durations = runs.filter((r) => r.status === 'succeeded' || r.status === 'failed').map(runDurationMs).filter((d): d is number => d !== null).sort((a, b) => a - b);
  const mid = Math.floor(durations.length / 2);
  return {
    runs: runs.length,
    succeeded,
    failed,
    cancelled,
    active: runs.length - succeeded - failed - cancelled,
    successRate: succeeded + failed === 0 ? null : succeeded / (succeeded + failed),
    medianDurationMs: durations.length === 0 ? null : durations.length % 2 ? durations[mid] : Math.round((durations[mid - 1] + durations[mid]) / 2),
  };
}
