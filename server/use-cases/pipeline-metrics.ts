// DORA figures for one pipeline (engine/trains/metrics.ts computes; this reads the history).
import { z } from 'zod';
import type { PipelineMetrics } from '@/engine/dto/trains';
import { computeMetrics, METRIC_DEFINITIONS, type HistoryTrain } from '@/engine/trains/metrics';
import { productionStation } from '@/engine/trains/pipeline-schema';
import { authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { requirePipeline } from './query-pipelines';

export const metricsQuery = z.object({ days: z.coerce.number().int().min(1).max(730).default(90) });

export async function getPipelineMetrics(actor: Actor, key: string, query: unknown, now = new Date()): Promise<PipelineMetrics> {
  authorize(actor, 'read');
  const { days } = metricsQuery.parse(query);
  const p = await requirePipeline(key);
  const def = p.version.definition;
  const prod = productionStation(def).key;
  // Trains whose production may fall in the window, plus the hotfixes that may follow them.
  const since = new Date(now.getTime() - (days + 90) * 86_400_000);
  const rows = await db().train.findMany({
    where: { pipelineId: p.id, startedAt: { gte: since } },
    include: { stations: true, features: { include: { feature: { select: { readyAt: true, firstCommitAt: true } } } } },
    orderBy: { startedAt: 'asc' },
  });
  const trains: HistoryTrain[] = rows.map((t) => ({
    number: t.number, kind: t.kind as HistoryTrain['kind'], status: t.status as HistoryTrain['status'], version: t.version,
    startedAt: t.startedAt, finishedAt: t.finishedAt,
    productionAt: t.stations.find((s) => s.key === prod && s.status === 'reached')?.reachedAt ?? null,
    stations: t.stations.map((s) => ({ key: s.key, startedAt: s.startedAt, reachedAt: s.reachedAt })),
    features: t.features.map((f) => ({ readyAt: readyAtBoarding(f.snapshot, f.feature.readyAt), firstCommitAt: f.feature.firstCommitAt })),
  }));
  const m = computeMetrics({ trains, stationKeys: def.stations.map((s) => s.key), days, failureWindowHours: def.failureWindowHours, now });
  return {
    days,
    definitions: { ...METRIC_DEFINITIONS, changeFailureRate: `${METRIC_DEFINITIONS.changeFailureRate} (${def.failureWindowHours} h here)` },
    deploymentFrequencyPerWeek: m.deploymentFrequencyPerWeek,
    deployments: m.deployments,
    leadTimeFromReadyMs: m.leadTimeFromReadyMs,
    leadTimeFromFirstCommitMs: m.leadTimeFromFirstCommitMs,
    changeFailureRate: m.changeFailureRate,
    timeToRestoreMs: m.timeToRestoreMs,
    stationMedianMs: m.stationMedianMs,
    series: m.series.map((s) => ({ ...s, departedAt: s.departedAt.toISOString(), arrivedAt: s.arrivedAt?.toISOString() ?? null })),
  };
}

/** The snapshot keeps when the feature was ready at boarding (a feature re-readied later must not move old lead times). */
function readyAtBoarding(snapshot: unknown, current: Date | null): Date | null {
  const at = (snapshot as { readyAt?: unknown } | null)?.readyAt;
  return typeof at === 'string' ? new Date(at) : current;
}
