import { db } from '../db/client';

export const findTokenByHash = (hash: string) => db().apiToken.findUnique({ where: { hash } });

/** Records use at most once a minute per token, so authenticating stays one read. */
export function touchToken(row: { id: string; lastUsedAt: Date | null }) {
  if (row.lastUsedAt && Date.now() - row.lastUsedAt.getTime() < 60_000) return;
  void db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);
}

/** Provisioning: the named token gets this hash (rotating RAILYARD_ADMIN_TOKEN replaces the old). */
export const upsertToken = (name: string, hash: string, role: string) =>
  db().apiToken.upsert({ where: { name }, create: { name, hash, role }, update: { hash, role } });
