import { Redis, type RedisOptions } from 'ioredis';
import { env } from '../env';
import { processRole } from '../process-role';

function logErrors(redis: Redis, name: string): Redis {
  redis.on('error', (err) => {
    // ioredis reconnects by itself; log once per error kind instead of crashing the process.
    if ((redis as { lastLoggedError?: string }).lastLoggedError !== err.message) {
      (redis as { lastLoggedError?: string }).lastLoggedError = err.message;
      console.warn(`[redis:${name}] ${err.message}`);
    }
  });
  return redis;
}

/**
 * A connection for a BullMQ Worker (blocking commands): `maxRetriesPerRequest: null`, so a blocking
 * command waits out a Redis restart instead of failing. Only the worker process uses these.
 */
export function createRedis(name: string): Redis {
  return logErrors(new Redis(env().REDIS_URL, { maxRetriesPerRequest: null, connectionName: `railyard-${name}` }), name);
}

/**
 * A connection for a web process, which answers people and senders and so must never wait on
 * Redis: no offline queue (a command while disconnected fails at once, as BullMQ's "failing fast
 * when Redis is down" recommends for producers) and a command timeout (a stalled Redis, which
 * still accepts TCP connections, fails the command instead of leaving it pending).
 * `blocking: true` is for a dedicated XREAD BLOCK reader, where a command timeout cannot apply.
 */
export function createBoundedRedis(name: string, opts: { blocking?: boolean } = {}): Redis {
  const options: RedisOptions = {
    connectionName: `railyard-${name}`,
    // Commands issued while the very first connection is being made wait for it (bounded by the
    // command timeout and by maxRetriesPerRequest); from the first `ready` on, none are queued.
    enableOfflineQueue: true,
    maxRetriesPerRequest: 1,
    connectTimeout: Math.max(1_000, env().RAILYARD_REDIS_TIMEOUT_MS * 4),
    ...(!opts.blocking && { commandTimeout: env().RAILYARD_REDIS_TIMEOUT_MS }),
    // Commands issued in the same tick (by concurrent intake requests: the limit check, the live
    // message, the job) leave in one socket write: on the bench, write syscalls were the largest
    // cost of an intake request after Next's pipeline. Pipelines and MULTI keep their own write.
    ...(!opts.blocking && { enableAutoPipelining: true }),
  };
  const redis = new Redis(env().REDIS_URL, options);
  // ioredis reads this option on every command, so switching it off here takes effect at once.
  redis.once('ready', () => (redis.options.enableOfflineQueue = false));
  return logErrors(redis, name);
}

const holder = globalThis as unknown as { railyardRedis?: Redis; railyardRedisRole?: string };

/**
 * The process's connection for non-blocking commands (queue adds, stream writes, rate limits):
 * bounded in a web process, patient in a worker (see server/process-role.ts).
 */
export function sharedRedis(): Redis {
  const role = processRole();
  if (holder.railyardRedis && holder.railyardRedisRole !== role) {
    // The role changed after first use (tests run the web routes and a worker in one process):
    // the worker's patient settings win from now on.
    const old = holder.railyardRedis;
    void old.quit().catch(() => old.disconnect());
    holder.railyardRedis = undefined;
  }
  holder.railyardRedis ??= role === 'web' ? createBoundedRedis('web') : createRedis('shared');
  holder.railyardRedisRole = role;
  return holder.railyardRedis;
}

export async function closeSharedRedis(): Promise<void> {
  const redis = holder.railyardRedis;
  holder.railyardRedis = undefined;
  await redis?.quit().catch(() => redis.disconnect());
}
