import type { Prisma } from '../db/generated/client';
import { db, type Tx } from '../db/client';

export const eventWithRuns = {
  runs: { orderBy: { number: 'asc' }, include: { workflowVersion: { include: { workflow: true } } } },
} satisfies Prisma.EventInclude;

export type EventWithRuns = Prisma.EventGetPayload<{ include: typeof eventWithRuns }>;

export const insertEvent = (tx: Tx, data: Prisma.EventUncheckedCreateInput) => tx.event.create({ data });

export const findEventByDelivery = (sourceKey: string, deliveryId: string) =>
  db().event.findUnique({ where: { sourceKey_deliveryId: { sourceKey, deliveryId } }, select: { id: true } });

export const findEvent = (id: string) => db().event.findUnique({ where: { id }, include: eventWithRuns });

export function listEvents(filter: { source?: string; type?: string; limit: number; before?: string }) {
  return db().event.findMany({
    where: { sourceKey: filter.source, type: filter.type },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: filter.limit,
    ...(filter.before && { cursor: { id: filter.before }, skip: 1 }),
    include: eventWithRuns,
  });
}

/** Events the worker has not turned into runs yet, oldest first (the reconciler's input). */
export const findUnprocessedEvents = (receivedBefore: Date, take: number) =>
  db().event.findMany({
    where: { processedAt: null, receivedAt: { lt: receivedBefore } },
    orderBy: { receivedAt: 'asc' },
    take,
    select: { id: true },
  });

export const countEvents = () => db().event.count();

export const findEventRow = (id: string) => db().event.findUnique({ where: { id } });

/** Events a run emitted (event.emit), oldest first. */
export const findEmittedEvents = (runId: string) =>
  db().event.findMany({ where: { parentRunId: runId }, orderBy: { receivedAt: 'asc' }, select: { id: true, sourceKey: true, type: true, receivedAt: true } });
