// Caps on open live streams, per person (or token) and in total, per web process: each stream
// holds a response open and a share of the fan-out, so one tab-happy person or a script opening
// streams in a loop cannot exhaust the process. Counted in memory, released when a stream ends.
import { env } from '../env';
import { tooManyRequests } from '../errors';

const holder = globalThis as unknown as { railyardStreamSlots?: { total: number; byViewer: Map<string, number> } };
const slots = () => (holder.railyardStreamSlots ??= { total: 0, byViewer: new Map() });

/** Takes a slot for `viewer` or throws a 429 naming the cap; returns the release (idempotent). */
export function takeStreamSlot(viewer: string): () => void {
  const s = slots();
  const { RAILYARD_STREAMS_PER_PERSON: perPerson, RAILYARD_STREAMS_TOTAL: total } = env();
  const mine = s.byViewer.get(viewer) ?? 0;
  if (mine >= perPerson) {
    throw tooManyRequests(`too many live streams: at most ${perPerson} per person (RAILYARD_STREAMS_PER_PERSON); close another tab or window`, 5);
  }
  if (s.total >= total) {
    throw tooManyRequests(`too many live streams on this server: at most ${total} in total (RAILYARD_STREAMS_TOTAL); retry shortly`, 5);
  }
  s.byViewer.set(viewer, mine + 1);
  s.total++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    s.total--;
    const left = (s.byViewer.get(viewer) ?? 1) - 1;
    if (left > 0) s.byViewer.set(viewer, left);
    else s.byViewer.delete(viewer);
  };
}
