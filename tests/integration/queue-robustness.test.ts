// Queue robustness (regression tests for bugs found while writing the integration suite): a job
// that failed once must not block the reconciler, and stopping workers must close their connections.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sharedRedis } from '@/server/queue/connection';
import { Queue } from 'bullmq';
import { closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers } from '../support/harness';

let workers: Workers | undefined;
beforeAll(async () => {
  await resetState();
  const res = await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: crashy
trigger: { source: generic, type: crash.me }
steps:
  - id: only
    action: log
    with: { message: survived }
`);
  expect(res.status).toBe(201);
});
afterEach(async () => {
  await workers?.stop();
  workers = undefined;
});
afterAll(() => closeAll(workers));

// CLIENT LIST is server-wide; count only worker connections on our test db (a dev worker may share the server).
const workerConnections = async () => {
  const db = `db=${sharedRedis().options.db ?? 0}`;
  const lines = String(await sharedRedis().client('LIST')).split('\n');
  return lines.filter((l) => l.includes('name=railyard-worker-') && l.split(' ').includes(db)).length;
};

describe('queue robustness', () => {
  // BUG (worker/start.ts startWorkers/stop): each Worker gets a connection from createRedis(), and
  // BullMQ never closes a connection instance it was given (it treats it as shared), so stop()
  // leaves two Redis connections open per start. Harmless in worker/index.ts (the process exits),
  // but anything that restarts workers in-process (tests, a future hot reload) leaks them.
  it('stopping the workers closes the Redis connections they opened', async () => {
    const before = await workerConnections();
    workers = await startTestWorkers();
    expect(await workerConnections()).toBeGreaterThan(before);
    await workers.stop();
    workers = undefined;
    expect(await workerConnections()).toBe(before);
  });

  // BUG (server/queue/jobs.ts job ids + removeOnFail, server/use-cases/reconcile-due-work.ts): a
  // job that failed once (e.g. Postgres unreachable for a moment inside processEvent) stays in
  // BullMQ's failed set under its deterministic id, so every re-enqueue by the reconciler is a
  // no-op and the event is never processed (until 5000 later failures evict it).
  it('an event whose first job failed is still processed by the reconciler', async () => {
    const sent = await postEvent('generic', 'crash.me', {});
    await sharedRedis().flushdb();
    // Stand-in for a transient failure: a job under the event's id that fails once.
    const queue = new Queue('events', { connection: sharedRedis() });
    await queue.add('event.process', { eventId: '' }, { jobId: `event.${sent.body.id}`, attempts: 1 });
    workers = await startTestWorkers();
    try {
      const run = await waitForEventRun(sent.body.id, 6_000);
      expect(run.status).toBe('succeeded');
    } finally {
      await queue.close();
    }
  });
});
