// What the editor completes `event.payload…` from: the registered sample payload of an event type
// and the payloads of its newest stored events. Viewers may read events already, so 'read' suffices.
import { z } from 'zod';
import type { EventTypeSample } from '@/engine/dto/expressions';
import { typeFromPathSegment } from '@/engine/intake/event-type';
import { authorize, type Actor } from '../auth/authorize';
import { badRequest } from '../errors';
import { findEventTypeRow, findRecentEventPayloads } from '../repositories/event-samples';

const RECENT = 5;
/** A payload bigger than this is left out: completion needs its shape, not megabytes of it. */
const PAYLOAD_MAX_CHARS = 64 * 1024;

const sourceKey = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'a source key is lower-case letters, digits and "-" (max 63)');

export async function getEventTypeSample(actor: Actor, params: { source: string; type: string }): Promise<EventTypeSample> {
  authorize(actor, 'read');
  const source = sourceKey.parse(params.source);
  // The type segment may arrive with `:` escaped or not (repo%3Apush): the intake's one rule.
  const segment = typeFromPathSegment(params.type);
  if (!segment.ok) throw badRequest(segment.error);
  const type = segment.type;
  const [row, events] = await Promise.all([findEventTypeRow(source, type), findRecentEventPayloads(source, type, RECENT)]);
  return {
    source,
    type,
    samplePayload: row?.samplePayload ?? null,
    recent: events.map((e) => ({
      id: e.id,
      receivedAt: e.receivedAt.toISOString(),
      payload: JSON.stringify(e.payload).length <= PAYLOAD_MAX_CHARS ? e.payload : null,
    })),
  };
}
