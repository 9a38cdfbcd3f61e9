// The ceiling to compare against: BullMQ alone on the same Redis, no database, no HTTP, no-op
// jobs. Same shape as STACK.md's measurement (addBulk, then one Worker at concurrency 50) and the
// same removeOnComplete limit as our job catalog, so Redis does comparable bookkeeping per job.
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

export type RawResult = { jobs: number; concurrency: number; addMs: number; processMs: number; jobsPerSec: number; totalJobsPerSec: number };

export async function rawBullmq(redisUrl: string, jobs: number, concurrency: number): Promise<RawResult> {
  const name = `bench-raw-${process.pid}-${jobs}`; // never one of the product's queues
  // BullMQ never closes connections it was given, so we keep them and close them ourselves.
  const connections: Redis[] = [];
  const connection = () => connections[connections.push(new Redis(redisUrl, { maxRetriesPerRequest: null })) - 1];
  const queue = new Queue(name, { connection: connection(), defaultJobOptions: { removeOnComplete: { count: 1000 } } });
  // autorun: false so the clock for processing starts when the backlog is complete.
  const worker = new Worker(name, async () => undefined, { connection: connection(), concurrency, autorun: false });
  try {
    let done = 0;
    let resolveDone: () => void;
    const allDone = new Promise<void>((r) => (resolveDone = r));
    worker.on('completed', () => ++done === jobs && resolveDone());
    await worker.waitUntilReady();

    const t0 = performance.now();
    await queue.addBulk(Array.from({ length: jobs }, (_, i) => ({ name: 'noop', data: { i } })));
    const t1 = performance.now();
    void worker.run();
    await allDone;
    const t2 = performance.now();
    return { jobs, concurrency, addMs: t1 - t0, processMs: t2 - t1, jobsPerSec: (jobs * 1000) / (t2 - t1), totalJobsPerSec: (jobs * 1000) / (t2 - t0) };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await Promise.all(connections.map((c) => c.quit()));
  }
}
