import type { Prisma } from '../db/generated/client';
import { db, type Db, type Tx } from '../db/client';

export const findTokenByHash = (hash: string) =>
  db().apiToken.findUnique({ where: { hash }, include: { user: { select: { id: true, name: true, email: true, role: true, disabled: true } } } });

/** Records use at most once a minute per token, so authenticating stays one read. */
export function touchToken(row: { id: string; lastUsedAt: Date | null }) {
  if (row.lastUsedAt && Date.now() - row.lastUsedAt.getTime() < 60_000) return;
  void db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
}

/** Provisioning (no owner): the named token gets this hash; rotating RAILYARD_ADMIN_TOKEN replaces the old. */
export async function upsertProvisioningToken(name: string, hash: string, role: string, prefix: string) {
  const existing = await db().apiToken.findFirst({ where: { name, userId: null } });
  if (existing) return db().apiToken.update({ where: { id: existing.id }, data: { hash, role, prefix, revokedAt: null } });
  return db().apiToken.create({ data: { name, hash, role, prefix } });
}

export const createToken = (data: Prisma.ApiTokenUncheckedCreateInput, client: Db | Tx = db()) => client.apiToken.create({ data });

export const listTokens = (where: Prisma.ApiTokenWhereInput) =>
  db().apiToken.findMany({ where, orderBy: { createdAt: 'desc' }, include: { user: { select: { name: true, email: true } } } });

export const findToken = (id: string) => db().apiToken.findUnique({ where: { id } });

export const revokeToken = (id: string, client: Db | Tx = db()) =>
  client.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
