import type { Prisma } from '../db/generated/client';
import { db, type Db, type Tx } from '../db/client';

export const findTokenByHash = (hash: string) =>
  db().apiToken.findUnique({ where: { hash }, include: { user: { select: { id: true, name: true, email: true, role: true, disabled: true } } } });

/** Records use at most once a minute per token, so authenticating stays one read. */
export function touchToken(row: { id: string; lastUsedAt: Date | null }) {
  if (row.lastUsedAt && Date.now() - row.lastUsedAt.getTime() < 60_000) return;
  void db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
}

/**
 * Provisioning (no owner), e.g. RAILYARD_ADMIN_TOKEN at every start. A token is its value: the
 * same value finds its row by hash and is never re-activated once revoked (revoking the admin
 * token lasts across restarts); a new value creates a new token and revokes the older active
 * provisioning tokens of that name, so rotating the variable retires the old one.
 */
export async function upsertProvisioningToken(name: string, hash: string, role: string, prefix: string) {
  return db().$transaction(async (tx) => {
    const same = await tx.apiToken.findUnique({ where: { hash } });
    if (same) return { token: same, status: same.revokedAt ? ('revoked' as const) : ('kept' as const) };
    await tx.apiToken.updateMany({ where: { name, userId: null, revokedAt: null }, data: { revokedAt: new Date() } });
    return { token: await tx.apiToken.create({ data: { name, hash, role, prefix } }), status: 'created' as const };
  });
}

export const createToken = (data: Prisma.ApiTokenUncheckedCreateInput, client: Db | Tx = db()) => client.apiToken.create({ data });

export const listTokens = (where: Prisma.ApiTokenWhereInput) =>
  db().apiToken.findMany({ where, orderBy: { createdAt: 'desc' }, include: { user: { select: { name: true, email: true } } } });

export const findToken = (id: string) => db().apiToken.findUnique({ where: { id } });

export const revokeToken = (id: string, client: Db | Tx = db()) =>
  client.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
