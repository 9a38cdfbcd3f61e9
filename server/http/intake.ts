import { normalizeHeaders } from '@/engine/intake/headers';
import { principalFromRequest } from '../auth/principal';
import { env } from '../env';
import { AppError, tooManyRequests } from '../errors';
import { clientIp } from './client-ip';
import { countIntakeFailure, intakeAddressBlocked, limitIntake } from './rate-limit';
import { readBodyLimited } from './read-body';
import { ingestEvent, type IngestResult } from '../use-cases/ingest-event';
import { json } from './respond';

/** Failures that say "this caller has no business here": they count against the caller's address. */
const STRANGER_CODES = new Set(['unauthorized', 'forbidden', 'not_found']);

/**
 * Shared by the native-hook and generic endpoints: read, ingest, answer 202 or 200 duplicate.
 * Two limits, in this order: per client address before anything else (only that address's failed
 * deliveries count, so a flood without the secret is shed cheaply and never touches the source),
 * then per source once the credential checked out (inside ingestEvent, before storing). Both fail
 * open when Redis is away, since the event row (not Redis) is what makes an event accepted.
 */
export async function handleIntake(request: Request, sourceKey: string, type?: string): Promise<Response> {
  const ip = clientIp(request.headers);
  if (ip) {
    const byAddress = await intakeAddressBlocked(ip);
    if (!byAddress.allowed) {
      const limit = env().RAILYARD_INTAKE_FAILURES_PER_IP_PER_MIN;
      return json({ error: `too many failed deliveries from your address: more than ${limit} per minute (bad credential or unknown source)` }, 429, { 'retry-after': String(byAddress.retryAfterSeconds) });
    }
  }
  try {
    const rawBody = await readBodyLimited(request, env().RAILYARD_INTAKE_MAX_BYTES);
    const result: IngestResult = await ingestEvent({
      sourceKey,
      type,
      headers: normalizeHeaders(request.headers.entries()),
      rawBody,
      queryToken: new URL(request.url).searchParams.get('token'),
      actor: () => principalFromRequest(request),
      admit: async (key) => {
        const limit = await limitIntake(key);
        if (!limit.allowed) {
          throw tooManyRequests(`too many events for source "${key.slice(0, 100)}": more than ${env().RAILYARD_INTAKE_RATE_PER_MIN} per minute`, limit.retryAfterSeconds);
        }
      },
    });
    if (result.duplicate) return json({ id: result.id, duplicate: true }, 200);
    return json(result.ids.length > 1 ? { id: result.id, ids: result.ids } : { id: result.id }, 202);
  } catch (err) {
    if (ip && err instanceof AppError && STRANGER_CODES.has(err.code)) await countIntakeFailure(ip);
    throw err;
  }
}
