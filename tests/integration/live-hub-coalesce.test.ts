// The hub's burst coalescing (server/live/live-hub.ts coalesceMs) on real Redis: once a fan-out
// has been slow (a thousand streams, each a socket write), a burst of messages that follows goes
// out as one chunk per stream instead of one per message. (That cheap fan-outs wait nothing is
// coalesceMs's unit test: a timing assertion has no place here.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveHub } from '@/server/live/live-hub';
import { LIVE_STREAM, publishLive } from '@/server/live/stream';
import { sharedRedis } from '@/server/queue/connection';
import { closeAll, resetState, waitFor } from '../support/harness';

beforeAll(resetState);
afterAll(() => closeAll());

const message = (id: string) => ({ kind: 'event', event: { id, source: 'generic', type: 'x', deliveryId: null, receivedAt: new Date().toISOString(), registered: false, runs: [] } }) as never;
const text = (c: Uint8Array) => new TextDecoder().decode(c);

/** A subscriber that records its chunks; `spinMs` makes each write as slow as a big fan-out. */
async function subscriber(spinMs: number, lastEventId: string | null = null, probe = true) {
  const chunks: string[] = [];
  const off = await liveHub().subscribe({
    write(chunk) {
      const until = performance.now() + spinMs;
      while (performance.now() < until) { /* a fan-out's worth of socket writes */ }
      chunks.push(text(chunk));
    },
  }, lastEventId);
  if (!probe) return { chunks, off };
  // Live once a probe arrives (a new subscriber starts at the stream's tail).
  let n = 0;
  await waitFor(async () => {
    await publishLive(message(`probe-${++n}`));
    await new Promise((r) => setTimeout(r, 30));
    return chunks.some((c) => c.includes('probe-'));
  }, 10_000, 'the subscriber to be live');
  return { chunks, off };
}

describe('live hub burst coalescing', () => {
  it('after a slow fan-out, three messages published back to back reach a stream as one chunk', async () => {
    const s = await subscriber(30); // every fan-out now takes 30 ms: a burst waits 10 ms
    try {
      s.chunks.length = 0;
      await publishLive(message('burst-1'));
      await publishLive(message('burst-2'));
      await publishLive(message('burst-3'));
      await waitFor(async () => s.chunks.join('').includes('burst-3'), 10_000, 'the burst');
      const carrying = s.chunks.filter((c) => c.includes('burst-'));
      expect(carrying).toHaveLength(1);
      expect([...carrying[0].matchAll(/burst-(\d)/g)].map((m) => m[1])).toEqual(['1', '2', '3']);
    } finally {
      s.off();
    }
  });

  it('a stream resuming while the hub holds a batch for its burst gets each entry once, in order', async () => {
    const slow = await subscriber(30); // fan-outs are slow: the next batch waits 10 ms before it goes out
    try {
      const [[before]] = (await sharedRedis().xrevrange(LIVE_STREAM, '+', '-', 'COUNT', 1)) as [string, string[]][];
      await publishLive(message('held-1'));
      // While the hub holds that batch, a browser resumes from just before it: its backlog holds it too.
      const resumed = await subscriber(0, before, false);
      try {
        await publishLive(message('held-2'));
        await waitFor(async () => resumed.chunks.join('').includes('held-2'), 10_000, 'the resumed stream to get the next message');
        const all = resumed.chunks.join('');
        expect([...all.matchAll(/held-(\d)/g)].map((m) => m[1])).toEqual(['1', '2']);
        const streamIds = [...all.matchAll(/^id: (\S+)$/gm)].map((m) => m[1]);
        expect(new Set(streamIds).size).toBe(streamIds.length);
      } finally {
        resumed.off();
      }
    } finally {
      slow.off();
    }
  });
});
