// Reads the subscription preview needs to find what a stored event was about (its run, its train,
// the latest train event) and the remembered outcome, kept here so use-cases stay free of Prisma.
import { db } from '../db/client';

export const findLatestRunOfWorkflowForEvent = (eventId: string, workflow: string) =>
  db().run.findFirst({ where: { eventId, workflowVersion: { workflow: { name: workflow } } }, orderBy: { number: 'desc' }, select: { id: true } });

export const findTrainIdOfEventRuns = async (eventId: string) =>
  (await db().run.findFirst({ where: { eventId, trainId: { not: null } }, select: { trainId: true } }))?.trainId ?? null;

export const findLatestTrainEvent = (trainId: string) =>
  db().event.findFirst({ where: { trainId, sourceKey: 'railyard', type: { startsWith: 'train.' } }, orderBy: { receivedAt: 'desc' } });

export const findUngroupedState = (subscriptionId: string) =>
  db().subscriptionState.findUnique({ where: { subscriptionId_groupKey: { subscriptionId, groupKey: '' } } });
