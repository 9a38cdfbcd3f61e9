import { db } from '../db/client';

export const findTokenByHash = (hash: string) => db().apiToken.findUnique({ where: { hash } });

export const touchToken = (id: string) =>
  db().apiToken.update({ where: { id }, data: { lastUsedAt: new Date() } }).catch(() => undefined);

/** Provisioning: the named token gets this hash (rotating RAILYARD_ADMIN_TOKEN replaces the old). */
export const upsertToken = (name: string, hash: string, role: string) =>
  db().apiToken.upsert({ where: { name }, create: { name, hash, role }, update: { hash, role } });
