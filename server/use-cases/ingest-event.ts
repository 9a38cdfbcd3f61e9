// Event intake: authenticate → parse → derive type(s) → store (committed) → enqueue → answer.
// The event row is committed before anything is enqueued or acknowledged; if Redis is down the
// event is still accepted and the reconciler enqueues it later.
// Hot path (DESIGN.md): the source comes from the process's cache (source-cache.ts), the rows and
// any new event types are one INSERT statement (event-insert.ts), and the job and the live message
// go to Redis together, after the commit.
import { derivePresetEvent, type Preset } from '@/engine/intake/presets';
import { eventSlots, resolveDeliveryId } from '@/engine/intake/delivery';
import { typeFromPathSegment } from '@/engine/intake/event-type';
import { storedHeaders } from '@/engine/intake/headers';
import { actorKey } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { verifyDelivery } from '../auth/verify-source';
import type { Source } from '../db/generated/client';
import { AppError, badRequest, notFound } from '../errors';
import { parseJsonBody } from '../http/read-body';
import { enqueueSafely } from '../queue/enqueue';
import { insertEvents } from '../repositories/event-insert';
import { findEventByDelivery } from '../repositories/events';
import { reloadSource, sourceForIntake } from '../repositories/source-cache';
import { markTypesStored, unstoredTypes } from '../repositories/type-memory';
import { publishNewEvents } from './publish-event';

export type IngestInput = {
  sourceKey: string;
  /** Set for the generic endpoint (/api/events/{source}/{type}); hooks derive it from the preset. */
  type?: string;
  headers: Record<string, string>;
  rawBody: Buffer;
  queryToken: string | null;
  actor?: () => Promise<Principal | null>;
  parentRunId?: string;
  depth?: number;
  /** Called once the delivery is authenticated, before anything is stored: the per-source rate
   *  limit lives here, so a sender without the credential never spends the source's budget. */
  admit?: (sourceKey: string) => Promise<void>;
  /** Called before any database work that a delivery without the credential could cause (an
   *  unknown source, a re-read after a mismatch): the per-address check of failed deliveries. */
  screen?: () => Promise<void>;
};

export type IngestResult = { id: string; ids: string[]; duplicate: boolean };

/** The source and who sent the delivery, or the coded error that refuses it. */
async function authenticate(input: IngestInput): Promise<{ source: Source; sender: Principal | null }> {
  const cached = await sourceForIntake(input.sourceKey, input.screen);
  if (!cached) throw notFound(`source "${input.sourceKey}"`);
  try {
    // The person or token behind an API delivery (null for a webhook), for self-approval checks.
    return { source: cached.row, sender: await verifyDelivery(cached.row, input) };
  } catch (err) {
    // A secret rotated through another web process: re-read the row once before refusing.
    if (cached.fresh || !(err instanceof AppError) || err.code !== 'unauthorized') throw err;
    await input.screen?.();
    const row = await reloadSource(input.sourceKey);
    if (!row) throw notFound(`source "${input.sourceKey}"`);
    return { source: row, sender: await verifyDelivery(row, input) };
  }
}

export async function ingestEvent(input: IngestInput): Promise<IngestResult> {
  const { source, sender } = await authenticate(input);
  await input.admit?.(source.key);
  const payload = parseJsonBody(input.rawBody);

  let types: string[];
  let deliveryId: string | null;
  if (input.type !== undefined) {
    // The URL segment as Next gave it; typeFromPathSegment decodes a still-escaped `%3A`.
    const segment = typeFromPathSegment(input.type);
    if (!segment.ok) throw badRequest(segment.error);
    types = [segment.type];
    deliveryId = resolveDeliveryId(null, input.headers);
  } else {
    const derived = derivePresetEvent(source.preset as Preset, input.headers, payload);
    if (!derived.ok) throw badRequest(`cannot read ${source.preset} webhook: ${derived.error}`);
    if (derived.types.length === 0) {
      throw badRequest(`source "${source.key}" uses the generic preset: post to /api/events/${source.key}/{type} instead`);
    }
    types = derived.types;
    deliveryId = resolveDeliveryId(derived.deliveryId, input.headers);
  }
  if (deliveryId !== null && deliveryId.length > 200) throw badRequest('delivery id is longer than 200 characters');

  const slots = eventSlots(types, deliveryId);
  const newTypes = unstoredTypes(source.key, types);
  const body = input.rawBody.toString('utf8');
  const headers = storedHeaders(input.headers);
  // One statement: committed when it returns, so the 202 below still follows the commit.
  const rows = await insertEvents(
    slots.map((slot) => ({ sourceKey: source.key, type: slot.type, deliveryId: slot.deliveryId, payload, body, headers,
      parentRunId: input.parentRunId, sentBy: sender ? actorKey(sender) : null, depth: input.depth ?? 0 })),
    newTypes,
  );
  markTypesStored(source.key, newTypes);
  if (rows.length === 0 && deliveryId) {
    // Stored before (a redelivery), or a concurrent delivery of the same id won the insert.
    const winner = await findEventByDelivery(source.key, deliveryId);
    if (winner) return { id: winner.id, ids: [winner.id], duplicate: true };
  }
  if (rows.length === 0) throw new Error('event insert returned no row'); // only a duplicate can, and it has a delivery id

  const ids = rows.map((r) => r.id);
  // Awaited, so a 202 means the job is in Redis too (unless Redis is away: then the breaker gives
  // up within its budget and the reconciler enqueues). Issued together, they leave in one write
  // (the web connection auto-pipelines). The live message first, so the event is on the stream
  // before its run's messages can be.
  await Promise.all([publishNewEvents(source.key, rows), enqueueSafely('event.process', ids.map((eventId) => ({ eventId })))]);
  return { id: ids[0], ids, duplicate: false };
}
