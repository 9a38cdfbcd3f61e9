import { normalizeHeaders } from '@/engine/intake/headers';
import { principalFromRequest } from '../auth/principal';
import { env } from '../env';
import { limitIntake } from './rate-limit';
import { readBodyLimited } from './read-body';
import { ingestEvent, type IngestResult } from '../use-cases/ingest-event';
import { json } from './respond';

/** Shared by the native-hook and generic endpoints: read, ingest, answer 202 or 200 duplicate. */
export async function handleIntake(request: Request, sourceKey: string, type?: string): Promise<Response> {
  // Before the body is read: a runaway sender is shed cheaply. Fails open when Redis is down,
  // since the event row (not Redis) is what makes an event accepted.
  const limit = await limitIntake(sourceKey);
  if (!limit.allowed) {
    return json({ error: `too many events for source "${sourceKey.slice(0, 100)}": more than ${env().RAILYARD_INTAKE_RATE_PER_MIN} per minute` }, 429, { 'retry-after': String(limit.retryAfterSeconds) });
  }
  const rawBody = await readBodyLimited(request, env().RAILYARD_INTAKE_MAX_BYTES);
  const result: IngestResult = await ingestEvent({
    sourceKey,
    type,
    headers: normalizeHeaders(request.headers.entries()),
    rawBody,
    queryToken: new URL(request.url).searchParams.get('token'),
    actor: () => principalFromRequest(request),
  });
  if (result.duplicate) return json({ id: result.id, duplicate: true }, 200);
  return json(result.ids.length > 1 ? { id: result.id, ids: result.ids } : { id: result.id }, 202);
}
