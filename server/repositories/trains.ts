// Trains with their stations, manifest and runs. The only Prisma callers for trains.
import { db, type Tx } from '../db/client';
import type { Prisma } from '../db/generated/client';

export const trainInclude = {
  pipeline: { select: { key: true } },
  pipelineVersion: { select: { definition: true, version: true } },
  stations: { orderBy: { position: 'asc' } },
  features: { orderBy: { boardedAt: 'asc' } },
} satisfies Prisma.TrainInclude;

export type TrainRow = Prisma.TrainGetPayload<{ include: typeof trainInclude }>;

export const findTrain = (id: string, client: Tx | ReturnType<typeof db> = db()) => client.train.findUnique({ where: { id }, include: trainInclude });

export async function lockTrain(tx: Tx, id: string): Promise<TrainRow | null> {
  await tx.$queryRaw`SELECT id FROM "Train" WHERE id = ${id} FOR UPDATE`;
  return findTrain(id, tx);
}

export const listTrainRows = (where: Prisma.TrainWhereInput, take = 100) =>
  db().train.findMany({ where, orderBy: [{ startedAt: 'desc' }, { number: 'desc' }], take, include: trainInclude });

/** Trains on a pipeline's track (running), regular and hotfix. */
export const runningTrains = (pipelineIds?: string[]) =>
  db().train.findMany({ where: { status: 'running', ...(pipelineIds && { pipelineId: { in: pipelineIds } }) }, include: trainInclude });

/** Versions released so far (arrived trains), for the next version. */
export const releasedVersions = (pipelineId: string, client: Tx | ReturnType<typeof db> = db()) =>
  client.train.findMany({ where: { pipelineId, status: 'arrived' }, select: { kind: true, version: true } });

export const runsOfTrains = (trainIds: string[]) =>
  db().run.findMany({
    where: { trainId: { in: trainIds } },
    orderBy: { number: 'asc' },
    select: { id: true, number: true, status: true, startedAt: true, finishedAt: true, createdAt: true, trainId: true, workflowVersion: { select: { workflow: { select: { name: true } } } } },
  });

/** Past station durations of a pipeline (reached stations), for the overdue median. */
export const pastStationDurations = (pipelineId: string, since: Date) =>
  db().trainStation.findMany({
    where: { status: 'reached', startedAt: { not: null }, reachedAt: { not: null, gte: since }, train: { pipelineId } },
    select: { key: true, startedAt: true, reachedAt: true },
    take: 2000,
  });

export const findTrainStartedByEvent = (pipelineId: string, startedBy: string) =>
  db().train.findFirst({ where: { pipelineId, startedBy }, select: { id: true } });

/** The derail's writes to the train and its features (in the caller's transaction); features returned to ready. */
export async function markDerailed(tx: Tx, trainId: string, d: { at: Date; reason: string; by: string }): Promise<number> {
  await tx.train.update({ where: { id: trainId }, data: { status: 'derailed', track: null, finishedAt: d.at, derailReason: d.reason, derailedBy: d.by } });
  return (await tx.feature.updateMany({ where: { status: 'aboard', trains: { some: { trainId } } }, data: { status: 'ready' } })).count;
}

/**
 * The train's runs still queued or running, their rows locked in id order: a settle in progress is
 * waited for, not raced (a running step sees a cancel at its next heartbeat and stops).
 */
export const lockActiveTrainRuns = (tx: Tx, trainId: string) => tx.$queryRaw<{ id: string; workflowId: string; concurrencyKey: string | null }[]>`
  SELECT r.id, v."workflowId", r."concurrencyKey" FROM "Run" r JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId"
  WHERE r."trainId" = ${trainId} AND r.status IN ('queued', 'running') ORDER BY r.id FOR UPDATE OF r`;

/** The pipeline key of a train (null when the train is gone). */
export const findTrainPipelineKey = async (trainId: string) =>
  (await db().train.findUnique({ where: { id: trainId }, select: { pipeline: { select: { key: true } } } }))?.pipeline.key ?? null;

/** A train with its pipeline's key and name: what a notification about it says. */
export const findTrainWithPipeline = (trainId: string) =>
  db().train.findUnique({ where: { id: trainId }, include: { pipeline: { select: { key: true, name: true } } } });
