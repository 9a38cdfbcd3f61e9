import { publishLive } from '../live/stream';
import { eventSummaries } from '../repositories/event-summaries';

/** Pushes the current summary of these events (with their runs) to the live stream. */
export async function publishEventSummaries(ids: string[]): Promise<void> {
  try {
    await publishLive(...(await eventSummaries(ids)).map((event) => ({ kind: 'event' as const, event })));
  } catch (err) {
    console.warn(`[live] event summary not published: ${(err as Error).message}`);
  }
}

/** Summaries of just-stored events, built from what their INSERT returned (no runs yet, no reads). */
export async function publishNewEvents(sourceKey: string, rows: { id: string; type: string; deliveryId: string | null; receivedAt: Date; registered: boolean }[]) {
  try {
    await publishLive(
      ...rows.map((r) => ({
        kind: 'event' as const,
        event: { id: r.id, source: sourceKey, type: r.type, deliveryId: r.deliveryId, receivedAt: r.receivedAt.toISOString(), registered: r.registered, runs: [] },
      })),
    );
  } catch (err) {
    console.warn(`[live] event summary not published: ${(err as Error).message}`);
  }
}
