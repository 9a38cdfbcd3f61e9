import { normalizeHeaders } from '@/engine/intake/headers';
import { principalFromRequest } from '../auth/principal';
import { env } from '../env';
import { AppError, tooManyRequests } from '../errors';
import { clientIp } from './client-ip';
import { admitIntake, countIntakeFailure, intakeAddressBlocked, type RateDecision } from './rate-limit';
import { readBodyLimited } from './read-body';
import { ingestEvent, type IngestResult } from '../use-cases/ingest-event';
import { json } from './respond';

/** Failures that say "this caller has no business here": they count against the caller's address. */
const STRANGER_CODES = new Set(['unauthorized', 'forbidden', 'not_found']);

const addressRefused = (d: RateDecision) =>
  tooManyRequests(`too many failed deliveries from your address: more than ${env().RAILYARD_INTAKE_FAILURES_PER_IP_PER_MIN} per minute (bad credential or unknown source)`, d.retryAfterSeconds);

/**
 * Shared by the native-hook and generic endpoints: read, ingest, answer 202 or 200 duplicate.
 * Two limits: per client address (only that address's failed deliveries count, so a flood without
 * the secret is shed cheaply and never touches the source), then per source once the credential
 * checked out (before storing). The address is checked before any database work: on a cached
 * source with a good credential (the common case, no database work before it) both limits are one
 * Redis round trip (admitIntake); otherwise `screen` checks the address first. Both fail open when
 * Redis is away, since the event row (not Redis) is what makes an event accepted.
 */
export async function handleIntake(request: Request, sourceKey: string, type?: string): Promise<Response> {
  const ip = clientIp(request.headers);
  // Asked at most once per request; a refusal is the same rejection every time it is asked, so it
  // survives a caller that swallows it (verifyDelivery's actor lookup) and is thrown again later.
  let screening: Promise<void> | null = null;
  const screen = () =>
    (screening ??= ip
      ? intakeAddressBlocked(ip).then((byAddress) => {
          if (!byAddress.allowed) throw addressRefused(byAddress);
        })
      : Promise.resolve());
  try {
    const rawBody = await readBodyLimited(request, env().RAILYARD_INTAKE_MAX_BYTES);
    const result: IngestResult = await ingestEvent({
      sourceKey,
      type,
      headers: normalizeHeaders(request.headers.entries()),
      rawBody,
      queryToken: new URL(request.url).searchParams.get('token'),
      actor: async () => {
        await screen(); // a session or token lookup is database work a stranger could cause
        return principalFromRequest(request);
      },
      screen,
      admit: async (key) => {
        const { address, source } = await admitIntake(key, ip);
        if (!address.allowed) throw addressRefused(address);
        if (!source.allowed) {
          throw tooManyRequests(`too many events for source "${key.slice(0, 100)}": more than ${env().RAILYARD_INTAKE_RATE_PER_MIN} per minute`, source.retryAfterSeconds);
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
