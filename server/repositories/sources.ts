import type { Prisma } from '../db/generated/client';
import { db } from '../db/client';

export const findSource = (key: string) => db().source.findUnique({ where: { key } });

export const listSources = () => db().source.findMany({ orderBy: { key: 'asc' } });

export const createSource = (data: Prisma.SourceCreateInput) => db().source.create({ data });

export const updateSource = (key: string, data: Prisma.SourceUpdateInput) =>
  db().source.update({ where: { key }, data });
