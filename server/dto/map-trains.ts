// Prisma rows → train DTOs (engine/dto/trains.ts). Never send rows to the browser.
import type { FeatureDto, TrainDetail, TrainSummary } from '@/engine/dto/trains';
import { reachedByText } from '@/engine/trains/describe';
import { expectedMs, isOverdue } from '@/engine/trains/overdue';
import type { PipelineDefinition } from '@/engine/trains/pipeline-schema';
import { currentStation, type StationState } from '@/engine/trains/progress';
import type { FeatureRow } from '../repositories/features';
import type { TrainRow } from '../repositories/trains';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

export const definitionOfTrain = (t: Pick<TrainRow, 'pipelineVersion'>) => t.pipelineVersion.definition as unknown as PipelineDefinition;

export const stationStates = (t: Pick<TrainRow, 'stations'>): StationState[] =>
  t.stations.map((s) => ({ key: s.key, status: s.status as StationState['status'], startedAt: s.startedAt, reachedAt: s.reachedAt, runIds: s.runIds, eventId: s.reachedByEventId }));

export function toTrainSummary(t: TrainRow): TrainSummary {
  const here = currentStation(stationStates(t));
  return {
    id: t.id,
    pipeline: t.pipeline.key,
    number: t.number,
    kind: t.kind as TrainSummary['kind'],
    status: t.status as TrainSummary['status'],
    version: t.version,
    station: t.status === 'arrived' ? null : (here?.key ?? null),
    startedBy: t.startedBy,
    startedAt: t.startedAt.toISOString(),
    finishedAt: iso(t.finishedAt),
    features: t.features.length,
  };
}

export type TrainRun = { id: string; number: number; status: string; startedAt: Date | null; finishedAt: Date | null; createdAt: Date; workflow: string };

/** `past`: durations (ms) of earlier trains per station key, for the "usual time" flag. */
export function toTrainDetail(t: TrainRow, runs: TrainRun[], past: Map<string, number[]>, now: Date): TrainDetail {
  const def = definitionOfTrain(t);
  const { features: _count, ...summary } = toTrainSummary(t);
  return {
    ...summary,
    baseRef: t.baseRef,
    changelog: t.changelog,
    derailReason: t.derailReason,
    features: t.features.map((f) => {
      const s = f.snapshot as TrainDetail['features'][number];
      return { key: s.key, title: s.title, link: s.link ?? null, branch: s.branch ?? null, owner: s.owner ?? null };
    }),
    stations: t.stations.map((s) => {
      const sd = def.stations.find((d) => d.key === s.key);
      const expected = expectedMs(sd?.expectedMinutes, past.get(s.key) ?? []);
      const workflow = sd && 'workflow' in sd.reachedBy ? sd.reachedBy.workflow : null;
      // Runs recorded at the station, and runs of its workflow for this train still under way.
      const mine = runs.filter((r) => s.runIds.includes(r.id) || (workflow !== null && r.workflow === workflow));
      return {
        key: s.key,
        name: sd?.name ?? s.key,
        status: s.status as TrainDetail['stations'][number]['status'],
        startedAt: iso(s.startedAt),
        reachedAt: iso(s.reachedAt),
        durationMs: s.startedAt ? (s.reachedAt ?? t.finishedAt ?? now).getTime() - s.startedAt.getTime() : null,
        overdue: t.status === 'running' && isOverdue(s, expected, now),
        expectedMinutes: expected === null ? null : Math.round(expected / 60_000),
        reachedBy: sd ? reachedByText(sd) : '',
        reachedByEventId: s.reachedByEventId,
        runs: mine.map((r) => ({ id: r.id, number: r.number, workflow: r.workflow, status: r.status, startedAt: iso(r.startedAt ?? r.createdAt), finishedAt: iso(r.finishedAt) })),
      };
    }),
  };
}

export function toFeatureDto(f: FeatureRow, missed: Map<string, number>): FeatureDto {
  const boarded = f.trains[0]?.train;
  return {
    key: f.key,
    pipeline: f.pipeline.key,
    title: f.title,
    link: f.link,
    branch: f.branch,
    owner: f.owner,
    status: f.status as FeatureDto['status'],
    readyAt: iso(f.readyAt),
    missedTrain: f.missedTrainId && missed.has(f.missedTrainId) ? { id: f.missedTrainId, number: missed.get(f.missedTrainId)! } : null,
    // A derailed train's features went back to ready: only a running or arrived train is "theirs".
    train: boarded && boarded.status !== 'derailed' && (f.status === 'aboard' || f.status === 'released') ? { id: boarded.id, number: boarded.number, status: boarded.status as 'running' | 'arrived' } : null,
  };
}
