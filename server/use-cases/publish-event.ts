import { toEventSummary } from '../dto/map-events';
import { publishLive } from '../live/stream';
import { findEventsWithRuns } from '../repositories/events';
import { registeredPairs } from '../repositories/event-types';

/** Pushes the current summary of these events (with their runs) to the live stream. */
export async function publishEventSummaries(ids: string[]): Promise<void> {
  try {
    const events = await findEventsWithRuns(ids);
    const registered = await registeredPairs(events.map((e) => ({ sourceKey: e.sourceKey, type: e.type })));
    await publishLive(
      ...events.map((e) => ({ kind: 'event' as const, event: toEventSummary(e, registered.has(`${e.sourceKey}/${e.type}`)) })),
    );
  } catch (err) {
    console.warn(`[live] event summary not published: ${(err as Error).message}`);
  }
}

/** Summaries of just-stored events, built without re-reading them (they have no runs yet). */
export async function publishNewEvents(sourceKey: string, slots: { type: string; deliveryId: string | null }[], rows: { id: string; receivedAt: Date }[]) {
  try {
    const registered = await registeredPairs(slots.map((s) => ({ sourceKey, type: s.type })));
    await publishLive(
      ...slots.map((s, i) => ({
        kind: 'event' as const,
        event: { id: rows[i].id, source: sourceKey, type: s.type, deliveryId: s.deliveryId, receivedAt: rows[i].receivedAt.toISOString(), registered: registered.has(`${sourceKey}/${s.type}`), runs: [] },
      })),
    );
  } catch (err) {
    console.warn(`[live] event summary not published: ${(err as Error).message}`);
  }
}
