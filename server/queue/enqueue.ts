import { Queue } from 'bullmq';
import { sharedRedis } from './connection';
import { defaultJobOptions, jobCatalog, type JobName, type JobPayload } from './jobs';

const holder = globalThis as unknown as { railyardQueues?: Map<string, Queue> };

function queue(name: string): Queue {
  holder.railyardQueues ??= new Map();
  let q = holder.railyardQueues.get(name);
  if (!q) {
    q = new Queue(name, { connection: sharedRedis(), defaultJobOptions });
    holder.railyardQueues.set(name, q);
  }
  return q;
}

/**
 * Adds a job. Call only after the transaction that made the work due has committed; if this
 * throws (Redis down), the reconciler re-enqueues from the database, so callers may swallow it.
 */
export async function enqueue<N extends JobName>(name: N, payload: JobPayload<N>, opts: { delayMs?: number } = {}) {
  const def = jobCatalog[name];
  const data = def.payload.parse(payload);
  await queue(def.queue).add(name, data, { jobId: def.jobId(data as never), delay: opts.delayMs });
}

/** Enqueue many in one round trip, never throwing: failures are left to the reconciler. */
export async function enqueueSafely<N extends JobName>(name: N, payloads: JobPayload<N>[], opts: { delayMs?: number } = {}) {
  if (payloads.length === 0) return;
  const def = jobCatalog[name];
  try {
    const jobs = payloads.map((p) => {
      const data = def.payload.parse(p);
      return { name, data, opts: { ...defaultJobOptions, jobId: def.jobId(data as never), delay: opts.delayMs } };
    });
    await queue(def.queue).addBulk(jobs);
  } catch (err) {
    console.warn(`[queue] ${payloads.length} ${name} job(s) not enqueued, the reconciler will retry: ${(err as Error).message}`);
  }
}

/**
 * For the reconciler: the database says this work is due, so a job that still holds the id but
 * can no longer run it (failed after a transient error, or completed as a no-op because it fired
 * before the work was due) must not make the re-enqueue a silent no-op.
 */
export async function enqueueDue<N extends JobName>(name: N, payload: JobPayload<N>): Promise<void> {
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
  await q.add(name, data, { jobId });
}

export async function closeQueues(): Promise<void> {
  await Promise.all([...(holder.railyardQueues?.values() ?? [])].map((q) => q.close()));
  holder.railyardQueues = undefined;
}
