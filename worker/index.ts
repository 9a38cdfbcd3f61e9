// The worker process: one BullMQ worker per queue, a reconciler that re-enqueues what the
// database says is due, and a graceful shutdown that lets running jobs finish.
import { Worker, type Processor } from 'bullmq';
import { disconnectDb } from '@/server/db/client';
import { env } from '@/server/env';
import { closeQueues } from '@/server/queue/enqueue';
import { closeSharedRedis, createRedis } from '@/server/queue/connection';
import { QUEUES } from '@/server/queue/jobs';
import { reconcileDueWork } from '@/server/use-cases/reconcile-due-work';
import { eventProcessProcessor } from './processors/event-process';
import { stepRunProcessor } from './processors/step-run';

const processors = {
  [QUEUES.events]: eventProcessProcessor,
  [QUEUES.steps]: stepRunProcessor,
} satisfies Record<string, Processor>;

const RECONCILE_EVERY_MS = 5_000;

function startWorker(queue: string, processor: Processor): Worker {
  const worker = new Worker(queue, processor, {
    connection: createRedis(`worker-${queue}`),
    concurrency: env().RAILYARD_WORKER_CONCURRENCY,
  });
  worker.on('failed', (job, err) => console.error(`[worker] ${queue} job ${job?.id} failed: ${err.message}`));
  worker.on('error', (err) => console.error(`[worker] ${queue}: ${err.message}`));
  return worker;
}

async function main() {
  const workers = Object.entries(processors).map(([queue, processor]) => startWorker(queue, processor));
  const reconcile = () =>
    reconcileDueWork().catch((err: Error) => console.warn(`[reconciler] ${err.message}`));
  await reconcile();
  const timer = setInterval(reconcile, RECONCILE_EVERY_MS);
  console.log(`[worker] ready: queues ${Object.keys(processors).join(', ')}, concurrency ${env().RAILYARD_WORKER_CONCURRENCY}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[worker] ${signal}: finishing running jobs…`);
    clearInterval(timer);
    await Promise.all(workers.map((w) => w.close()));
    await closeQueues();
    await closeSharedRedis();
    await disconnectDb();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error('[worker] failed to start', err);
  process.exit(1);
});
