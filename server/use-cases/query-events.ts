import type { EventDetail, EventSummary } from '@/engine/dto/events';
import { authorize, type Actor } from '../auth/authorize';
import { toEventDetail, toEventSummary } from '../dto/map-events';
import { notFound } from '../errors';
import { findEvent, listEvents } from '../repositories/events';
import { registeredPairs } from '../repositories/event-types';

export async function listEventSummaries(actor: Actor, filter: { source?: string; type?: string; limit: number; before?: string }): Promise<EventSummary[]> {
  authorize(actor, 'read');
  const events = await listEvents(filter);
  const registered = await registeredPairs(events.map((e) => ({ sourceKey: e.sourceKey, type: e.type })));
  return events.map((e) => toEventSummary(e, registered.has(`${e.sourceKey}/${e.type}`)));
}

export async function getEventDetail(actor: Actor, id: string): Promise<EventDetail> {
  authorize(actor, 'read');
  const event = await findEvent(id);
  if (!event) throw notFound(`event "${id}"`);
  const registered = await registeredPairs([{ sourceKey: event.sourceKey, type: event.type }]);
  return toEventDetail(event, registered.size > 0);
}
