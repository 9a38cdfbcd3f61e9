// Named secrets for workflows (`{{ secrets.NAME }}`). A value arrives in plain text once, is stored
// encrypted and is never returned: every answer carries names and dates only. The audit trail
// records the name of a secret that was set or deleted, never its value.
import { z } from 'zod';
import { encrypt } from '../crypto';
import { badRequest, notFound } from '../errors';
import { deleteSecretRow, findSecretSummary, listSecretSummaries, upsertSecret } from '../repositories/secrets';
import { authorize, type Actor } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db/client';

export type SecretSummary = { name: string; createdAt: string; updatedAt: string };

export const SECRET_NAME = /^[A-Z][A-Z0-9_]{0,63}$/;
const MAX_VALUE_BYTES = 64 * 1024;

const valueSchema = z.string().min(1, 'value must not be empty');

function checkName(name: unknown): string {
  if (typeof name !== 'string' || !SECRET_NAME.test(name)) {
    throw badRequest(
      `invalid secret name ${JSON.stringify(name)}: use upper-case letters, digits and "_", starting with a letter, at most 64 characters (e.g. DEPLOY_TOKEN)`,
    );
  }
  return name;
}

function checkValue(value: unknown): string {
  const parsed = valueSchema.safeParse(value);
  if (!parsed.success) throw badRequest(`invalid secret value: ${typeof value === 'string' ? parsed.error.issues[0].message : 'value must be a string'}`);
  if (Buffer.byteLength(parsed.data) > MAX_VALUE_BYTES) throw badRequest(`invalid secret value: larger than ${MAX_VALUE_BYTES} bytes`);
  return parsed.data;
}

const toSummary = (row: { name: string; createdAt: Date; updatedAt: Date }): SecretSummary => ({
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Creates or replaces a secret; `created` tells the route whether to answer 201 or 200. */
export async function setSecret(actor: Actor, name: unknown, value: unknown): Promise<{ secret: SecretSummary; created: boolean }> {
  const by = authorize(actor, 'secrets.manage');
  const n = checkName(name);
  const v = checkValue(value);
  const existed = (await findSecretSummary(n)) !== null;
  const row = await db().$transaction(async (tx) => {
    const saved = await upsertSecret(n, encrypt(v), tx);
    await recordAudit(tx, { actor: by, action: 'secret.set', subjectType: 'secret', subjectId: n, after: { name: n, replaced: existed } });
    return saved;
  });
  return { secret: toSummary(row), created: !existed };
}

export async function deleteSecret(actor: Actor, name: unknown): Promise<void> {
  const by = authorize(actor, 'secrets.manage');
  const n = checkName(name);
  await db().$transaction(async (tx) => {
    if (!(await deleteSecretRow(n, tx))) throw notFound(`secret "${n}"`);
    await recordAudit(tx, { actor: by, action: 'secret.delete', subjectType: 'secret', subjectId: n, before: { name: n } });
  });
}

export async function listSecretNames(actor: Actor): Promise<SecretSummary[]> {
  authorize(actor, 'secrets.manage');
  return (await listSecretSummaries()).map(toSummary);
}

/** Request bodies: POST /api/secrets takes {name, value}; PUT /api/secrets/{name} takes {value}. */
export const createSecretBody = z.strictObject({ name: z.unknown(), value: z.unknown() });
export const putSecretBody = z.strictObject({ value: z.unknown() });
