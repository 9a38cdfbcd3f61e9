// Named secrets, stored AES-GCM encrypted (valueEnc). Listing never selects the ciphertext, so a
// caller that only needs names cannot pass a value along by accident.
import { db, type Db, type Tx } from '../db/client';

const summary = { name: true, createdAt: true, updatedAt: true } as const;

export const listSecretSummaries = () => db().secret.findMany({ select: summary, orderBy: { name: 'asc' } });

export const findSecretSummary = (name: string) => db().secret.findUnique({ where: { name }, select: summary });

export const upsertSecret = (name: string, valueEnc: string, client: Db | Tx = db()) =>
  client.secret.upsert({ where: { name }, create: { name, valueEnc }, update: { valueEnc }, select: summary });

/** Returns whether a row was deleted (deleteMany: no error for a missing name). */
export const deleteSecretRow = async (name: string, client: Db | Tx = db()): Promise<boolean> =>
  (await client.secret.deleteMany({ where: { name } })).count > 0;

/** Encrypted values for the worker; all of them when `names` is undefined. */
export const findEncryptedSecrets = (names?: string[]) =>
  db().secret.findMany({ where: names ? { name: { in: names } } : {}, select: { name: true, valueEnc: true } });
