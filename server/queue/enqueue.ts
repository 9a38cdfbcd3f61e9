import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { sharedRedis } from './connection';
import { defaultJobOptions, jobCatalog, jobOptionsOf, type JobName, type JobPayload } from './jobs';
import { guardedRedis, redisKnownDown, RedisUnavailableError } from './redis-guard';
import { flushDeferred } from './tick-batch';

type Held = { queue: Queue; connection: Redis };
const holder = globalThis as unknown as { railyardQueues?: Map<string, Held> };

/** The producer for `name` on this connection; recreated when the shared connection was replaced. */
function queue(name: string, connection: Redis = sharedRedis()): Queue {
  holder.railyardQueues ??= new Map();
  const held = holder.railyardQueues.get(name);
  if (held?.connection === connection) return held.queue;
  if (held) void held.queue.close().catch(() => undefined); // BullMQ leaves a passed-in connection open
  const q = new Queue(name, { connection, defaultJobOptions });
  q.on('error', (err) => console.warn(`[queue:${name}] ${err.message}`));
  // A Queue whose first connection attempt failed stays failed (BullMQ caches its init): forget
  // it, so the next enqueue builds a fresh one once Redis is back.
  q.waitUntilReady().catch(() => {
    if (holder.railyardQueues?.get(name)?.queue === q) holder.railyardQueues.delete(name);
    void q.close().catch(() => undefined);
  });
  holder.railyardQueues.set(name, { queue: q, connection });
  return q;
}

/**
 * Adds a job. Call only after the transaction that made the work due has committed; if this
 * throws (Redis down), the reconciler re-enqueues from the database, so callers may swallow it.
 */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: { delayMs?: number } = {}) {
  flushDeferred(); // live messages published before this call reach Redis before the job
  const def = jobCatalog[name];
  const data = def.payload.parse(payload);
  await queue(def.queue).add(name, data, { ...jobOptionsOf(name), jobId: def.jobId(data as never), delay: opts.delayMs });
}

/** Enqueue many in one round trip, never throwing: failures are left to the reconciler. */
export async function enqueueSafely<N extends JobName>(name: N, payloads: JobPayload<N>[], opts: { delayMs?: number } = {}) {
  if (payloads.length === 0) return;
  const def = jobCatalog[name];
  try {
    flushDeferred(); // live messages published before this call reach Redis before the jobs
    const jobs = payloads.map((p) => {
      const data = def.payload.parse(p);
      return { name, data, opts: { ...defaultJobOptions, ...jobOptionsOf(name), jobId: def.jobId(data as never), delay: opts.delayMs } };
    });
    // In a web process this gives up within the Redis budget (intake must answer in time). One
    // job is added on its own (the same script addBulk runs, without MULTI/EXEC around it), so it
    // joins the connection's auto-pipeline with the other commands of the tick.
    await guardedRedis<unknown>((redis) =>
      jobs.length === 1 ? queue(def.queue, redis).add(jobs[0].name, jobs[0].data, jobs[0].opts) : queue(def.queue, redis).addBulk(jobs));
  } catch (err) {
    if (err instanceof RedisUnavailableError && redisKnownDown()) return; // logged when the breaker opened
    console.warn(`[queue] ${payloads.length} ${name} job(s) not enqueued, the reconciler will retry: ${(err as Error).message}`);
  }
}

/**
 * For the reconciler: the database says this work is due, so a job that still holds the id but
 * can no longer run it (failed after a transient error, or completed as a no-op because it fired
 * before the work was due) must not make the re-enqueue a silent no-op.
 */
export async function enqueueDue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<void> {
  flushDeferred();
  const def = jobCatalog[name];
  const data = def.payload.parse(payload);
  const q = queue(def.queue);
  const jobId = def.jobId(data as never);
  const existing = await q.getJob(jobId);
  if (existing) {
    const state = await existing.getState();
    if (state !== 'completed' && state !== 'failed') return; // waiting, delayed or active: it will run
    // Replace rather than retry: the payload is rebuilt from the database, which is authoritative.
    await existing.remove();
  }
  await q.add(name, data, { ...jobOptionsOf(name), jobId });
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...(holder.railyardQueues?.values() ?? [])].map((h) => h.queue.close().catch(() => undefined)));
  holder.railyardQueues = undefined;
}
