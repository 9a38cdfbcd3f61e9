// DORA figures for one pipeline over a history of trains, each with the one-line definition the
// UI shows (tools disagree on what counts as a failure, so we say ours).
import { median } from './describe';

export type HistoryTrain = {
  number: number;
  kind: 'regular' | 'hotfix';
  status: 'running' | 'arrived' | 'derailed';
  version: string;
  startedAt: Date;
  /** Arrived or derailed at. */
  finishedAt: Date | null;
  /** When it reached the pipeline's production station, if it did. */
  productionAt: Date | null;
  stations: { key: string; startedAt: Date | null; reachedAt: Date | null }[];
  features: { readyAt: Date | null; firstCommitAt: Date | null }[];
};

export const METRIC_DEFINITIONS = {
  deploymentFrequencyPerWeek: 'Trains (regular and hotfix) that reached the production station in the period, per week.',
  leadTimeFromReadyMs: 'Median time from a feature becoming ready to its train reaching production.',
  leadTimeFromFirstCommitMs: "Median time from a feature's first commit to its train reaching production.",
  changeFailureRate: 'Share of production releases that failed: derailed after reaching production, or followed by a hotfix train within the failure window.',
  timeToRestoreMs: 'Median time from a failed production release to the next train or hotfix reaching production.',
  stationMedianMs: 'Median time a train took from arriving at a station (the previous one reached) to reaching it.',
} as const;

export type Metrics = {
  deployments: number;
  deploymentFrequencyPerWeek: number;
  leadTimeFromReadyMs: number | null;
  leadTimeFromFirstCommitMs: number | null;
  changeFailureRate: number | null;
  timeToRestoreMs: number | null;
  stationMedianMs: Record<string, number | null>;
  series: { train: number; version: string; departedAt: Date; arrivedAt: Date | null; leadTimeMs: number | null; failed: boolean }[];
};

export function computeMetrics(input: { trains: readonly HistoryTrain[]; stationKeys: readonly string[]; days: number; failureWindowHours: number; now: Date }): Metrics {
  const since = input.now.getTime() - input.days * 86_400_000;
  const window = input.failureWindowHours * 3_600_000;
  const all = [...input.trains].sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  const deployed = all.filter((t) => t.productionAt && t.productionAt.getTime() >= since && t.productionAt <= input.now)
    .sort((a, b) => a.productionAt!.getTime() - b.productionAt!.getTime());

  const failedOf = (t: HistoryTrain): boolean => {
    const at = t.productionAt!.getTime();
    if (t.status === 'derailed') return true; // derailed after it reached production
    return all.some((h) => h.kind === 'hotfix' && h !== t && h.startedAt.getTime() >= at && h.startedAt.getTime() - at <= window);
  };
  const lead = (t: HistoryTrain, pick: (f: HistoryTrain['features'][number]) => Date | null) =>
    t.features.map(pick).filter((d): d is Date => d !== null).map((d) => t.productionAt!.getTime() - d.getTime());

  const failures = deployed.filter(failedOf);
  const restores = failures.flatMap((f) => {
    const next = all.filter((t) => t.productionAt && t.productionAt > f.productionAt! && t !== f).sort((a, b) => a.productionAt!.getTime() - b.productionAt!.getTime())[0];
    return next ? [next.productionAt!.getTime() - f.productionAt!.getTime()] : [];
  });

  const departedInWindow = all.filter((t) => t.startedAt.getTime() >= since);
  const stationMedianMs = Object.fromEntries(input.stationKeys.map((key) => {
    const durations = departedInWindow.flatMap((t) => t.stations.filter((s) => s.key === key && s.startedAt && s.reachedAt).map((s) => s.reachedAt!.getTime() - s.startedAt!.getTime()));
    return [key, median(durations)];
  }));

  return {
    deployments: deployed.length,
    deploymentFrequencyPerWeek: Math.round((deployed.length / (input.days / 7)) * 100) / 100,
    leadTimeFromReadyMs: median(deployed.flatMap((t) => lead(t, (f) => f.readyAt))),
    leadTimeFromFirstCommitMs: median(deployed.flatMap((t) => lead(t, (f) => f.firstCommitAt))),
    changeFailureRate: deployed.length ? Math.round((failures.length / deployed.length) * 10_000) / 10_000 : null,
    timeToRestoreMs: median(restores),
    stationMedianMs,
    series: deployed.map((t) => ({ train: t.number, version: t.version, departedAt: t.startedAt, arrivedAt: t.status === 'arrived' ? t.finishedAt : null,
      leadTimeMs: median(lead(t, (f) => f.readyAt)), failed: failures.includes(t) })),
  };
}
