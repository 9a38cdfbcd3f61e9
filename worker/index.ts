// The worker process. SIGTERM/SIGINT stop taking jobs, let running steps finish for
// RAILYARD_SHUTDOWN_GRACE_MS, release the rest to other workers, then close the connections, so
// a deploy of Railyard never leaves a step half-claimed by a dying process. Exit code 0.
import { disconnectDb } from '@/server/db/client';
import { env } from '@/server/env';
import { closeQueues } from '@/server/queue/enqueue';
import { closeSharedRedis } from '@/server/queue/connection';
import { startWorkers } from './start';

async function main() {
  const workers = await startWorkers();
  console.log(`[worker] ready: queues ${workers.queues.join(', ')}, concurrency ${workers.concurrency}`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    const graceMs = env().RAILYARD_SHUTDOWN_GRACE_MS;
    console.log(`[worker] ${signal}: taking no new jobs; running steps get ${graceMs} ms to finish`);
    // Last resort if releasing or closing hangs (e.g. Postgres gone): released steps would then
    // be recovered when their leases expire, as after a crash.
    setTimeout(() => {
      console.error('[worker] shutdown did not complete in time; exiting');
      process.exit(1);
    }, graceMs + 20_000).unref();
    await workers.stop(graceMs);
    await closeQueues();
    await closeSharedRedis();
    await disconnectDb();
    console.log('[worker] stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error('[worker] failed to start', err);
  process.exit(1);
});
