// Web requests use Redis only for things that may be skipped (queue adds the reconciler redoes,
// live messages, rate limits that fail open), so they must never wait on it. This guard gives
// each use a time budget and, once Redis has failed to answer, skips it at once for a few
// seconds (a circuit breaker): during a stall only the first request pays the budget.
// In a worker (nobody waiting on it) operations run unguarded, as before.
import type { Redis } from 'ioredis';
import { env } from '../env';
import { processRole } from '../process-role';
import { sharedRedis } from './connection';

export class RedisUnavailableError extends Error {
  constructor(reason: string) {
    super(`Redis unavailable: ${reason}`);
    this.name = 'RedisUnavailableError';
  }
}

const holder = globalThis as unknown as { railyardRedisOpenUntil?: number };
const breakMs = () => Math.max(2_000, env().RAILYARD_REDIS_TIMEOUT_MS * 4);

/** True while the breaker is open (Redis failed recently): callers skip Redis entirely. */
export const redisKnownDown = () => processRole() === 'web' && (holder.railyardRedisOpenUntil ?? 0) > Date.now();

function trip(reason: string): never {
  if (!redisKnownDown()) console.warn(`[redis] not answering (${reason}); skipping it for ${breakMs()} ms, the reconciler re-enqueues`);
  holder.railyardRedisOpenUntil = Date.now() + breakMs();
  throw new RedisUnavailableError(reason);
}

/** Resolves once `redis` is ready, or rejects within `ms` (a fresh connection is still connecting). */
function ready(redis: Redis, ms: number): Promise<void> {
  if (redis.status === 'ready') return Promise.resolve();
  if (['reconnecting', 'close', 'end'].includes(redis.status)) return Promise.reject(new Error(`connection ${redis.status}`));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new Error(`not connected within ${ms} ms`)), ms);
    const onReady = () => done();
    const done = (err?: Error) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      if (err) reject(err);
      else resolve();
    };
    redis.once('ready', onReady);
  });
}

/** Runs `op` on the shared connection within the web budget; throws RedisUnavailableError instead of waiting. */
export async function guardedRedis<T>(op: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = sharedRedis();
  if (processRole() !== 'web') return op(redis);
  if (redisKnownDown()) throw new RedisUnavailableError('failed recently, skipped');
  const budget = env().RAILYARD_REDIS_TIMEOUT_MS;
  const started = Date.now();
  try {
    await ready(redis, budget);
  } catch (err) {
    trip((err as Error).message);
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      op(redis),
      new Promise<never>((_, reject) => {
        const left = Math.max(50, budget - (Date.now() - started));
        timer = setTimeout(() => reject(new Error(`no answer within ${budget} ms`)), left);
      }),
    ]);
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    // Only connection trouble opens the breaker; a Redis error reply (e.g. WRONGTYPE) is a bug to surface.
    if (/timed out|no answer|writeable|connection|closed|ECONN|max retries/i.test(message)) trip(message);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}
