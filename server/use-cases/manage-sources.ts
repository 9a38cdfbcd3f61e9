// Creating and changing sources. Secrets arrive in plain text once and are stored hashed (tokens)
// or encrypted (HMAC secrets, which must be re-derived per request); they are never returned.
// Rotation keeps the previous secret valid for `auth.graceHours` (default 24), so senders can be
// switched over one by one without losing deliveries. Audit entries record that a secret changed,
// never the secret.
import { z } from 'zod';
import { AUTH_MODES, PRESETS, type SourceDto } from '@/engine/dto/registry';
import { encrypt, sha256 } from '../crypto';
import { AppError, notFound } from '../errors';
import { authorize, type Actor } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db/client';
import type { Source } from '../db/generated/client';
import { toSourceDto } from '../dto/map-registry';
import { invalidateSource } from '../repositories/source-cache';
import { createSource, findSource, listSources, lockSource, updateSource } from '../repositories/sources';

const authSchema = z.strictObject({
  mode: z.enum(AUTH_MODES),
  secret: z.string().min(8, 'secret must be at least 8 characters').max(512),
  /** On update: how long the previous secret stays valid; 0 = refuse it at once. */
  graceHours: z.number().min(0).max(24 * 30).default(24),
});

export const createSourceSchema = z.strictObject({
  key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'key must be lower-case letters, digits and "-" (max 63)'),
  name: z.string().min(1).max(100),
  description: z.string().max(2000).default(''),
  preset: z.enum(PRESETS),
  auth: authSchema,
});

export const updateSourceSchema = createSourceSchema.omit({ key: true }).partial();

const secretColumns = (auth: z.infer<typeof authSchema>) =>
  auth.mode === 'hmac'
    ? { authMode: auth.mode, secretEnc: encrypt(auth.secret), secretHash: null }
    : { authMode: auth.mode, secretHash: sha256(auth.secret), secretEnc: null };

/** Current → previous, valid for the grace period. A change of auth mode drops the old secret at
 *  once: it was a different kind of credential, and verifying it would need the old mode. */
function rotationColumns(old: Source, auth: z.infer<typeof authSchema>) {
  const keep = auth.graceHours > 0 && old.authMode === auth.mode && (old.secretHash || old.secretEnc);
  if (!keep) return { prevSecretHash: null, prevSecretEnc: null, prevValidUntil: null };
  return { prevSecretHash: old.secretHash, prevSecretEnc: old.secretEnc, prevValidUntil: new Date(Date.now() + auth.graceHours * 3_600_000) };
}

/** What the audit trail keeps of a source: everything but its secrets. */
const auditView = (s: Source) => ({ name: s.name, description: s.description, preset: s.preset, authMode: s.authMode });

export async function createSourceUseCase(actor: Actor, input: unknown): Promise<SourceDto> {
  const by = authorize(actor, 'sources.manage');
  const data = createSourceSchema.parse(input);
  if (await findSource(data.key)) throw new AppError('conflict', `source "${data.key}" already exists`);
  const row = await db().$transaction(async (tx) => {
    const created = await createSource({ key: data.key, name: data.name, description: data.description, preset: data.preset, ...secretColumns(data.auth) }, tx);
    await recordAudit(tx, { actor: by, action: 'source.create', subjectType: 'source', subjectId: data.key, after: { ...auditView(created), secretSet: true } });
    return created;
  });
  invalidateSource(data.key); // after the commit: the intake's cached row (source-cache.ts) is re-read
  return toSourceDto(row);
}

export async function updateSourceUseCase(actor: Actor, key: string, input: unknown): Promise<SourceDto> {
  const by = authorize(actor, 'sources.manage');
  const data = updateSourceSchema.parse(input);
  const row = await db().$transaction(async (tx) => {
    const old = await lockSource(tx, key);
    if (!old) throw notFound(`source "${key}"`);
    const updated = await updateSource(
      key,
      { name: data.name, description: data.description, preset: data.preset, ...(data.auth && { ...secretColumns(data.auth), ...rotationColumns(old, data.auth) }) },
      tx,
    );
    const rotation = data.auth && { secretRotated: true, previousValidUntil: updated.prevValidUntil };
    await recordAudit(tx, { actor: by, action: 'source.update', subjectType: 'source', subjectId: key, before: auditView(old), after: { ...auditView(updated), ...rotation } });
    return updated;
  });
  invalidateSource(key); // after the commit, so no delivery re-caches the row as it was before
  return toSourceDto(row);
}

export async function getSourceUseCase(actor: Actor, key: string): Promise<SourceDto> {
  authorize(actor, 'read');
  const row = await findSource(key);
  if (!row) throw notFound(`source "${key}"`);
  return toSourceDto(row);
}

export async function listSourcesUseCase(actor: Actor): Promise<SourceDto[]> {
  authorize(actor, 'read');
  return (await listSources()).map(toSourceDto);
}
