// The worker process. SIGTERM/SIGINT close the BullMQ workers (running jobs finish), then the
// connections, so a deploy of Railyard never leaves a step half-claimed by a dying process.
import { disconnectDb } from '@/server/db/client';
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
    console.log(`[worker] ${signal}: finishing running jobs…`);
    await workers.stop();
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
