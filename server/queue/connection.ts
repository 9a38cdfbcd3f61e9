import { Redis } from 'ioredis';
import { env } from '../env';

/**
 * A new ioredis connection. BullMQ workers need `maxRetriesPerRequest: null` (blocking commands
 * must wait out a Redis restart instead of failing), and we use the same settings everywhere so a
 * Redis restart is survived by every part of the process.
 */
export function createRedis(name: string): Redis {
  const redis = new Redis(env().REDIS_URL, { maxRetriesPerRequest: null, connectionName: `railyard-${name}` });
  redis.on('error', (err) => {
    // ioredis reconnects by itself; log once per error kind instead of crashing the process.
    if ((redis as { lastLoggedError?: string }).lastLoggedError !== err.message) {
      (redis as { lastLoggedError?: string }).lastLoggedError = err.message;
      console.warn(`[redis:${name}] ${err.message}`);
    }
  });
  return redis;
}

const holder = globalThis as unknown as { railyardRedis?: Redis };

/** Shared connection for non-blocking commands (queue adds, stream writes). */
export function sharedRedis(): Redis {
  holder.railyardRedis ??= createRedis('shared');
  return holder.railyardRedis;
}

export async function closeSharedRedis(): Promise<void> {
  await holder.railyardRedis?.quit().catch(() => undefined);
  holder.railyardRedis = undefined;
}
