// Features of a pipeline: work that boards a train once it is ready.
import { db, type Tx } from '../db/client';
import type { Prisma } from '../db/generated/client';

export const featureInclude = {
  pipeline: { select: { key: true } },
  trains: { orderBy: { boardedAt: 'desc' }, take: 1, include: { train: { select: { id: true, number: true, status: true } } } },
} satisfies Prisma.FeatureInclude;

export type FeatureRow = Prisma.FeatureGetPayload<{ include: typeof featureInclude }>;

export const listFeatureRows = (where: Prisma.FeatureWhereInput) =>
  db().feature.findMany({ where, orderBy: [{ status: 'asc' }, { key: 'asc' }], include: featureInclude, take: 1000 });

export const findFeatureRows = (key: string, pipelineId?: string) =>
  db().feature.findMany({ where: { key, ...(pipelineId && { pipelineId }) }, include: featureInclude });

export const findFeatureRow = (id: string, client: Tx | ReturnType<typeof db> = db()) =>
  client.feature.findUniqueOrThrow({ where: { id }, include: featureInclude });

export const trainNumbers = (ids: string[]) =>
  ids.length ? db().train.findMany({ where: { id: { in: ids } }, select: { id: true, number: true } }) : Promise.resolve([]);
