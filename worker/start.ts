// Starts the BullMQ workers and the reconciler; returns a stop() that lets running jobs finish
// within a grace period, then hands the remaining steps to other workers (their leases released).
// Used by worker/index.ts (the process) and by integration tests (in-process, same code).
import { Worker, type Processor } from 'bullmq';
import type { Redis } from 'ioredis';
import { env } from '@/server/env';
import { setProcessRole } from '@/server/process-role';
import { createRedis } from '@/server/queue/connection';
import { QUEUES } from '@/server/queue/jobs';
import { abortActiveSteps, acceptSteps, drainSteps } from '@/server/runs/active-steps';
import { startWorkspaceSweeper } from '@/server/runs/workspace';
import { startNotificationTimer } from '@/server/subscriptions/digests';
import { reconcileDueWork } from '@/server/use-cases/reconcile-due-work';
import { eventProcessProcessor } from './processors/event-process';
import { notifyProcessor } from './processors/notify';
import { stepRunProcessor } from './processors/step-run';

const processors = {
  [QUEUES.events]: eventProcessProcessor,
  [QUEUES.steps]: stepRunProcessor,
  [QUEUES.notify]: notifyProcessor,
} satisfies Record<string, Processor>;

export type WorkerOptions = { concurrency?: number; reconcileEveryMs?: number; reconcileGraceMs?: number };

export async function startWorkers(opts: WorkerOptions = {}) {
  // Before any connection opens: a worker waits out Redis/Postgres restarts (web processes fail fast).
  setProcessRole('worker');
  const concurrency = opts.concurrency ?? env().RAILYARD_WORKER_CONCURRENCY;
  acceptSteps();
  const connections: Redis[] = [];
  const workers = Object.entries(processors).map(([queue, processor]) => {
    // BullMQ treats a passed connection as shared and never closes it: we own and close it.
    const connection = createRedis(`worker-${queue}`);
    connections.push(connection);
    const worker = new Worker(queue, processor, { connection, concurrency });
    worker.on('failed', (job, err) => console.error(`[worker] ${queue} job ${job?.id} failed: ${err.message}`));
    worker.on('error', (err) => console.error(`[worker] ${queue}: ${err.message}`));
    return worker;
  });
  const reconcile = () =>
    reconcileDueWork({ graceMs: opts.reconcileGraceMs }).catch((err: Error) => console.warn(`[reconciler] ${err.message}`));
  await reconcile();
  const timer = setInterval(reconcile, opts.reconcileEveryMs ?? 5_000);
  // Old run workspaces (clones, build output) are deleted past their retention.
  const stopSweeper = startWorkspaceSweeper();
  // Digests whose hour or day is over, and deliveries whose job Redis lost.
  const stopNotifyTimer = startNotificationTimer();
  await Promise.all(workers.map((w) => w.waitUntilReady()));

  return {
    queues: Object.keys(processors),
    concurrency,
    /** Stops taking jobs at once; running steps get `graceMs` to finish, then their handlers are
     *  aborted and each step is released (queued again, same attempt) for another worker. */
    async stop(graceMs: number = env().RAILYARD_SHUTDOWN_GRACE_MS) {
      // From now on a chain's next step goes through the queue (to another worker), not inline.
      drainSteps();
      clearInterval(timer);
      stopSweeper();
      stopNotifyTimer();
      const closing = Promise.all(workers.map((w) => w.close()));
      let grace: NodeJS.Timeout | undefined;
      const overdue = new Promise<'overdue'>((resolve) => (grace = setTimeout(() => resolve('overdue'), graceMs)));
      if ((await Promise.race([closing, overdue])) === 'overdue') {
        const n = abortActiveSteps();
        console.log(`[worker] grace period of ${graceMs} ms over: releasing ${n} running step(s) to other workers`);
      }
      clearTimeout(grace);
      await closing;
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
