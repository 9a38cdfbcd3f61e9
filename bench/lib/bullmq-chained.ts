// The step ceiling: BullMQ alone, each job adding the next one of its chain before it completes,
// as a step job enqueues its successor. No database, no HTTP. Two shapes, like the product's step
// scenarios: one chain at a time (per-hop latency, to set beside the per-step overhead) and many
// chains at once at the worker's concurrency (hops/s, to set beside no-op steps/s).
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';

export type ChainedResult = { chains: number; hops: number; concurrency: number; wallMs: number; jobsPerSec: number; perHopMs: number };

export async function rawChained(redisUrl: string, opts: { chains: number; hops: number; concurrency: number; tag?: string }): Promise<ChainedResult> {
  // Never one of the product's queues; a warm-up run has a queue of its own (the job ids repeat).
  const name = `bench-chain-${process.pid}-${opts.chains}x${opts.hops}${opts.tag ? `-${opts.tag}` : ''}`;
  const connections: Redis[] = [];
  const connection = () => connections[connections.push(new Redis(redisUrl, { maxRetriesPerRequest: null })) - 1];
  const queue = new Queue(name, { connection: connection(), defaultJobOptions: { removeOnComplete: { count: 1000 }, removeOnFail: { count: 1000 } } });
  let finished = 0;
  let resolveDone: () => void;
  const allDone = new Promise<void>((r) => (resolveDone = r));
  const worker = new Worker<{ chain: number; hop: number }>(
    name,
    async (job) => {
      const { chain, hop } = job.data;
      // Deterministic ids, as the product's step jobs have: a retried add is a no-op.
      if (hop + 1 < opts.hops) await queue.add('hop', { chain, hop: hop + 1 }, { jobId: `c${chain}-h${hop + 1}` });
      else if (++finished === opts.chains) resolveDone();
    },
    { connection: connection(), concurrency: opts.concurrency, autorun: false },
  );
  try {
    await worker.waitUntilReady();
    void worker.run();
    const t0 = performance.now();
    await queue.addBulk(Array.from({ length: opts.chains }, (_, chain) => ({ name: 'hop', data: { chain, hop: 0 }, opts: { jobId: `c${chain}-h0` } })));
    await allDone;
    const wallMs = performance.now() - t0;
    const jobs = opts.chains * opts.hops;
    return { ...opts, wallMs, jobsPerSec: (jobs * 1000) / wallMs, perHopMs: wallMs / opts.hops };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await Promise.all(connections.map((c) => c.quit()));
  }
}
