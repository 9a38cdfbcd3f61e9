// Event intake: authenticate → parse → derive type(s) → store (committed) → enqueue → answer.
// The event row is committed before anything is enqueued or acknowledged; if Redis is down the
// event is still accepted and the reconciler enqueues it later.
import { derivePresetEvent, type Preset } from '@/engine/intake/presets';
import { eventSlots, resolveDeliveryId } from '@/engine/intake/delivery';
import { typeFromPathSegment } from '@/engine/intake/event-type';
import { storedHeaders } from '@/engine/intake/headers';
import { actorKey } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { verifyDelivery } from '../auth/verify-source';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { badRequest, notFound } from '../errors';
import { parseJsonBody } from '../http/read-body';
import { enqueueSafely } from '../queue/enqueue';
import { findEventByDelivery, insertEvent } from '../repositories/events';
import { rememberEventTypes } from '../repositories/event-types';
import { findSource } from '../repositories/sources';
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
};

export type IngestResult = { id: string; ids: string[]; duplicate: boolean };

export async function ingestEvent(input: IngestInput): Promise<IngestResult> {
  const source = await findSource(input.sourceKey);
  if (!source) throw notFound(`source "${input.sourceKey}"`);
  // The person or token behind an API delivery (null for a webhook), for self-approval checks.
  const sender = await verifyDelivery(source, input);
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

  const duplicate = deliveryId ? await findEventByDelivery(source.key, deliveryId) : null;
  if (duplicate) return { id: duplicate.id, ids: [duplicate.id], duplicate: true };

  const slots = eventSlots(types, deliveryId);
  let rows: { id: string; receivedAt: Date }[];
  try {
    rows = await db().$transaction(async (tx) => {
      await rememberEventTypes(tx, source.key, types);
      const created = [];
      for (const slot of slots) {
        const row = await insertEvent(tx, {
          sourceKey: source.key,
          type: slot.type,
          deliveryId: slot.deliveryId,
          payload: payload as Prisma.InputJsonValue,
          body: input.rawBody.toString('utf8'),
          headers: storedHeaders(input.headers),
          parentRunId: input.parentRunId,
          sentBy: sender ? actorKey(sender) : null,
          depth: input.depth ?? 0,
        });
        created.push({ id: row.id, receivedAt: row.receivedAt });
      }
      return created;
    });
  } catch (err) {
    // Two deliveries of the same id raced past the check above: the loser reports the winner.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002' && deliveryId) {
      const winner = await findEventByDelivery(source.key, deliveryId);
      if (winner) return { id: winner.id, ids: [winner.id], duplicate: true };
    }
    throw err;
  }

  const ids = rows.map((r) => r.id);
  await enqueueSafely('event.process', ids.map((eventId) => ({ eventId })));
  await publishNewEvents(source.key, slots, rows);
  return { id: ids[0], ids, duplicate: false };
}
