import type { Prisma } from '../db/generated/client';
import { db, type Db, type Tx } from '../db/client';

export const findSource = (key: string) => db().source.findUnique({ where: { key } });

export const listSources = () => db().source.findMany({ orderBy: { key: 'asc' } });

/** `client` is the caller's transaction when the change is audited with it. */
export const createSource = (data: Prisma.SourceCreateInput, client: Db | Tx = db()) => client.source.create({ data });

export const updateSource = (key: string, data: Prisma.SourceUpdateInput, client: Db | Tx = db()) =>
  client.source.update({ where: { key }, data });

/** Reads a source and locks its row, so two rotations at once cannot both move "current" to "previous". */
export async function lockSource(tx: Tx, key: string) {
  await tx.$queryRaw`SELECT id FROM "Source" WHERE key = ${key} FOR UPDATE`;
  return tx.source.findUnique({ where: { key } });
}

/** Tests and operators: end a rotation's grace period now (or at `until`). */
export async function expirePreviousSecret(key: string, until: Date = new Date(Date.now() - 1000)) {
  const row = await db().source.update({ where: { key }, data: { prevValidUntil: until } });
  holder.railyardSourceCache?.delete(key); // the intake's cache (source-cache.ts), after the commit
  return row;
}

// source-cache.ts imports this file; reaching its map through globalThis avoids an import cycle.
const holder = globalThis as unknown as { railyardSourceCache?: Map<string, unknown> };

/** Creates the source if it does not exist yet (internal sources); never changes an existing one. */
export const ensureSource = (data: Prisma.SourceCreateInput) => db().source.upsert({ where: { key: data.key }, update: {}, create: data });
