// Live updates go through one capped Redis stream so that any number of web instances can serve
// SSE and a reconnecting browser resumes from Last-Event-ID (a stream entry id).
import type { Redis } from 'ioredis';
import type { LiveMessage } from '@/engine/dto/live';
import { capLiveMessage } from '@/engine/live/shape-messages';
import { env } from '../env';
import { guardedRedis, redisKnownDown } from '../queue/redis-guard';
import { deferCommands } from '../queue/tick-batch';

export const LIVE_STREAM = 'railyard:live';

/** Best effort: a lost live message costs a stale screen until the next change, never data. */
export async function publishLive(...messages: LiveMessage[]): Promise<void> {
  if (messages.length === 0) return;
  try {
    // Guarded: in a web process (intake) a stalled Redis costs at most the budget, then nothing.
    const entry = (m: LiveMessage) => ['data', JSON.stringify(capLiveMessage(m, env().RAILYARD_LIVE_MESSAGE_MAX_BYTES))] as const;
    await guardedRedis<unknown>((redis) => {
      const maxlen = String(env().RAILYARD_LIVE_MAXLEN);
      // A web connection auto-pipelines (connection.ts): plain commands issued in one tick share
      // one write with the other requests' commands. A worker's connection does not (BullMQ's
      // connections are not meant to), so its publishes share the turn's pipeline instead
      // (queue/tick-batch.ts: an enqueue flushes it first). Either way Redis appends them in order.
      if (redis.options.enableAutoPipelining) return Promise.all(messages.map((m) => redis.xadd(LIVE_STREAM, 'MAXLEN', '~', maxlen, '*', ...entry(m))));
      const entries = messages.map(entry); // built first: nothing half-added if one fails
      const results = deferCommands(redis, (pipeline) => {
        for (const e of entries) pipeline.xadd(LIVE_STREAM, 'MAXLEN', '~', maxlen, '*', ...e);
      });
      // A pipeline answers each command with its own error instead of rejecting.
      return results.then((rs) => { const failed = rs.find(([err]) => err); if (failed) throw failed[0]; });
    });
  } catch (err) {
    if (redisKnownDown()) return; // the guard logged the outage once; a stale screen is all it costs
    console.warn(`[live] publish failed: ${(err as Error).message}`);
  }
}

/** The id to start reading after: the given one when valid, else the stream's current tail. */
export async function startingId(redis: Redis, lastEventId: string | null): Promise<string> {
  if (lastEventId && /^\d+-\d+$/.test(lastEventId)) return lastEventId;
  const last = await redis.xrevrange(LIVE_STREAM, '+', '-', 'COUNT', 1);
  return last[0]?.[0] ?? '0-0';
}

export type LiveEntry = { id: string; data: string };

/**
 * Blocks up to `blockMs` for entries after `afterId` (its own connection: XREAD BLOCK); with
 * null, answers at once with what is there.
 */
export async function readLive(redis: Redis, afterId: string, blockMs: number | null): Promise<LiveEntry[]> {
  const res = blockMs === null
    ? await redis.xread('COUNT', 200, 'STREAMS', LIVE_STREAM, afterId)
    : await redis.xread('COUNT', 200, 'BLOCK', blockMs, 'STREAMS', LIVE_STREAM, afterId);
  if (!res) return [];
  return res[0][1].map(([id, fields]) => ({ id, data: fields[fields.indexOf('data') + 1] ?? 'null' }));
}
