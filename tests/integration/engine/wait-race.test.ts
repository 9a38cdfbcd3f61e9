// A waiting step never misses its event. The race: the worker processing the awaited event dies
// after marking the event processed but before resolving the waits it satisfies. Processing used
// to commit "processed" first and resolve waits afterwards, so after such a crash nobody ever
// looked again and the step sat waiting until its deadline. Now both commit in one transaction.
//
// To crash at exactly that point, the test holds a row lock on the waiting step (FOR UPDATE): the
// hot path's one statement reads past it (it finds the waiter, writes nothing and hands the event
// to the general path), which claims the event, finds the waiter and blocks writing its
// resolution. The test waits until the real worker process is blocked there (holding the event's
// row, not yet resolved),
// kills it with -9, and loses Redis too (the killed job would otherwise stay "active" until
// BullMQ's stalled-job timer). Only what Postgres says is due can bring the step back.
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { closeAll, getRun, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { startWorkerProcess, stopAllWorkerProcesses, type WorkerProcess } from '../../support/worker-process';

let worker: WorkerProcess | undefined;
let workers: Workers | undefined;
let locker: pg.Client | undefined;

beforeAll(resetState);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && worker) console.error(`worker output:\n${worker.output.join('\n')}`);
  await locker?.end().catch(() => undefined);
  await stopAllWorkerProcesses();
});
afterAll(() => closeAll(workers));

const workflow = `apiVersion: railyard/v1
kind: Workflow
name: waiter
trigger: { source: generic, type: waiter }
steps:
  - { id: hold, action: event.wait, with: { source: generic, type: waiter.go, match: "candidate.payload.ticket = event.payload.ticket", timeoutMs: 120000 } }
  - { id: after, action: log, needs: [hold], with: { message: "got {{ steps.hold.outputs.event.payload.ticket }}" } }
`;

const stepOf = (eventId: string, stepId: string) => db().stepRun.findFirst({ where: { stepId, run: { eventId } } });

describe('event.wait', () => {
  it('resumes a waiting step when the worker dies between marking its event processed and resolving the wait', { timeout: 60_000 }, async () => {
    expect((await publishYaml(workflow)).status).toBe(201);
    worker = await startWorkerProcess({ RAILYARD_STEP_LEASE_MS: '1500' });
    const started = (await postEvent('generic', 'waiter', { ticket: 'T-7' })).body.id as string;
    await waitFor(async () => (await stepOf(started, 'hold'))?.status === 'waiting', 20_000, 'hold waiting');

    locker = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query(`SELECT 1 FROM "StepRun" s JOIN "Run" r ON r.id = s."runId" WHERE r."eventId" = $1 AND s."stepId" = 'hold' FOR UPDATE OF s`, [started]);
    const awaited = await postEvent('generic', 'waiter.go', { ticket: 'T-7' });
    expect(awaited.status).toBe(202);
    // Wait until the worker has marked the event processed (inside its transaction, holding the
    // row) and is blocked on the waiting step's row: past "processed", before any wait is resolved.
    await waitFor(async () => {
      const { rows } = await locker!.query(
        `SELECT EXISTS (SELECT 1 FROM pg_locks w JOIN pg_locks h ON h.pid = w.pid
                   WHERE NOT w.granted AND w.locktype = 'transactionid'
                     AND h.granted AND h.relation = '"Event"'::regclass AND h.mode = 'RowExclusiveLock') AS claiming`,
      );
      return rows[0].claiming;
    }, 20_000, 'the worker to mark the event processed');
    await worker.kill9();
    await locker.query('ROLLBACK');
    await locker.end();
    locker = undefined;
    await sharedRedis().flushdb();

    workers = await startTestWorkers();
    const run = await waitFor(async () => {
      const row = await db().run.findFirst({ where: { eventId: started } });
      const detail = row && (await getRun(row.id));
      return detail && detail.status !== 'running' && detail.status !== 'queued' ? detail : undefined;
    }, 30_000, 'the run to finish (it would wait 120 s for its deadline if the event were lost)');
    expect(run.status).toBe('succeeded');
    expect(run.steps.find((s) => s.id === 'hold')!.outputs).toMatchObject({ event: { id: awaited.body.id, payload: { ticket: 'T-7' } } });
    expect(run.steps.find((s) => s.id === 'after')!.outputs).toEqual({ message: 'got T-7' });
    expect((await db().event.findUniqueOrThrow({ where: { id: awaited.body.id } })).processedAt).not.toBeNull();
  });
});
