// Trains as the API shows them: lists by pipeline and status, and one train with its stations,
// their runs and durations, flagged when a station waits longer than usual.
import { z } from 'zod';
import type { TrainDetail, TrainSummary } from '@/engine/dto/trains';
import { TRAIN_STATUSES } from '@/engine/dto/trains';
import { authorize, type Actor } from '../auth/authorize';
import { toTrainDetail, toTrainSummary } from '../dto/map-trains';
import { notFound } from '../errors';
import { findTrain, listTrainRows, pastStationDurations, runsOfTrains, type TrainRow } from '../repositories/trains';
import { namesForUserIds } from '../repositories/people';
import { findPipeline } from '../repositories/pipelines';

export const trainsQuery = z.object({
  pipeline: z.string().max(64).optional(),
  status: z.enum(TRAIN_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

/** Train.startedBy holds a user id, `token:<name>` or `event:<id>`: show people by name. */
export async function withStarterNames<T extends { startedBy: string | null }>(items: T[]): Promise<T[]> {
  const ids = [...new Set(items.map((i) => i.startedBy).filter((s): s is string => !!s && !s.includes(':')))];
  const users = await namesForUserIds(ids);
  const name = (s: string | null) => (!s ? null : s.startsWith('token:') ? s.slice(6) : s.startsWith('event:') ? `event ${s.slice(6)}` : (users.get(s) ?? s));
  return items.map((i) => ({ ...i, startedBy: name(i.startedBy) }));
}

export async function listTrains(actor: Actor, query: unknown): Promise<TrainSummary[]> {
  authorize(actor, 'read');
  const q = trainsQuery.parse(query);
  if (q.pipeline && !(await findPipeline(q.pipeline))) throw notFound(`pipeline "${q.pipeline}"`);
  const rows = await listTrainRows({ ...(q.pipeline && { pipeline: { key: q.pipeline } }), ...(q.status && { status: q.status }) }, q.limit);
  return withStarterNames(rows.map(toTrainSummary));
}

export async function trainDetail(t: TrainRow, now = new Date()): Promise<TrainDetail> {
  const runs = (await runsOfTrains([t.id])).map((r) => ({ ...r, workflow: r.workflowVersion.workflow.name }));
  const past = new Map<string, number[]>();
  for (const s of await pastStationDurations(t.pipelineId, new Date(now.getTime() - 180 * 86_400_000))) {
    past.set(s.key, [...(past.get(s.key) ?? []), s.reachedAt!.getTime() - s.startedAt!.getTime()]);
  }
  const [detail] = await withStarterNames([toTrainDetail(t, runs, past, now)]);
  return detail;
}

export async function getTrain(actor: Actor, id: string): Promise<TrainDetail> {
  authorize(actor, 'read');
  const t = await findTrain(id);
  if (!t) throw notFound(`train "${id}"`);
  return trainDetail(t);
}
