// Creating and changing sources. Secrets arrive in plain text once and are stored hashed (tokens)
// or encrypted (HMAC secrets, which must be re-derived per request); they are never returned.
import { z } from 'zod';
import { AUTH_MODES, PRESETS, type SourceDto } from '@/engine/dto/registry';
import { encrypt, sha256 } from '../crypto';
import { AppError, notFound } from '../errors';
import { authorize, type Actor } from '../auth/authorize';
import { toSourceDto } from '../dto/map-registry';
import { createSource, findSource, listSources, updateSource } from '../repositories/sources';

const authSchema = z.strictObject({
  mode: z.enum(AUTH_MODES),
  secret: z.string().min(8, 'secret must be at least 8 characters').max(512),
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

export async function createSourceUseCase(actor: Actor, input: unknown): Promise<SourceDto> {
  authorize(actor, 'sources.manage');
  const data = createSourceSchema.parse(input);
  if (await findSource(data.key)) throw new AppError('conflict', `source "${data.key}" already exists`);
  const row = await createSource({
    key: data.key,
    name: data.name,
    description: data.description,
    preset: data.preset,
    ...secretColumns(data.auth),
  });
  return toSourceDto(row);
}

export async function updateSourceUseCase(actor: Actor, key: string, input: unknown): Promise<SourceDto> {
  authorize(actor, 'sources.manage');
  const data = updateSourceSchema.parse(input);
  if (!(await findSource(key))) throw notFound(`source "${key}"`);
  const row = await updateSource(key, {
    name: data.name,
    description: data.description,
    preset: data.preset,
    ...(data.auth && secretColumns(data.auth)),
  });
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
