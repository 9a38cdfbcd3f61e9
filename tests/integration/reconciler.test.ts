// Redis may be lost without losing work: whatever Postgres says is due is enqueued again by the
// reconciler when workers run. Here jobs are deleted on purpose (FLUSHDB) before any worker starts.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { processEvent } from '@/server/use-cases/process-event';
import { closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers } from '../support/harness';

let workers: Workers | undefined;
beforeAll(async () => {
  await resetState();
  const res = await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: recover
trigger: { source: generic, type: recover.me }
steps:
  - id: first
    action: vars.set
    with: { values: { who: "{{ event.payload.who }}" } }
  - id: second
    action: log
    needs: [first]
    with: { message: "recovered {{ vars.who }}" }
`);
  expect(res.status).toBe(201);
});
afterEach(async () => {
  await workers?.stop();
  workers = undefined;
});
afterAll(() => closeAll(workers));

/** Number of BullMQ keys in the test db: zero proves no job survived. */
const queueKeys = async () => (await sharedRedis().keys('bull:*')).length;

describe('reconciler', () => {
  it('processes an event whose job was lost before any worker ran', async () => {
    const sent = await postEvent('generic', 'recover.me', { who: 'event' });
    expect(sent.status).toBe(202);
    expect(await queueKeys()).toBeGreaterThan(0); // the intake did enqueue…
    await sharedRedis().flushdb(); // …and Redis lost it
    expect(await queueKeys()).toBe(0);
    expect((await db().event.findUniqueOrThrow({ where: { id: sent.body.id } })).processedAt).toBeNull();

    workers = await startTestWorkers();
    const run = await waitForEventRun(sent.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => s.outputs)).toEqual([{ values: { who: 'event' } }, { message: 'recovered event' }]);
    // Processed once: one run for the event, even though the reconciler keeps running.
    await workers.stop();
    workers = undefined;
    expect(await db().run.count({ where: { eventId: sent.body.id } })).toBe(1);
  });

  it('re-enqueues a step left queued with no job, and the run completes', async () => {
    const sent = await postEvent('generic', 'recover.me', { who: 'step' });
    // Turn the event into a run (what the worker's event job does), then lose the step's job.
    const { runIds } = await processEvent(sent.body.id);
    expect(runIds).toHaveLength(1);
    await sharedRedis().flushdb();
    const first = await db().stepRun.findFirstOrThrow({ where: { runId: runIds[0], stepId: 'first' } });
    expect(first).toMatchObject({ status: 'queued', attempt: 1 });
    expect(await queueKeys()).toBe(0);

    workers = await startTestWorkers();
    const run = await waitForEventRun(sent.body.id);
    expect(run.id).toBe(runIds[0]);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => [s.id, s.status, s.attempts])).toEqual([['first', 'succeeded', 1], ['second', 'succeeded', 1]]);
    expect(run.steps[1].outputs).toEqual({ message: 'recovered step' });
    expect(await db().run.count({ where: { eventId: sent.body.id } })).toBe(1);
  });

  it('takes over a step whose worker died mid-step (its lease expired)', async () => {
    const sent = await postEvent('generic', 'recover.me', { who: 'crash' });
    const { runIds } = await processEvent(sent.body.id);
    await sharedRedis().flushdb();
    // What a worker killed with -9 leaves behind: its claim committed, its lease run out, no job.
    const step = await db().stepRun.findFirstOrThrow({ where: { runId: runIds[0], stepId: 'first' } });
    const past = new Date(Date.now() - 60_000);
    await db().stepRun.update({ where: { id: step.id }, data: { status: 'running', startedAt: past, leaseUntil: past } });

    workers = await startTestWorkers();
    const run = await waitForEventRun(sent.body.id);
    expect(run.status).toBe('succeeded');
    // Same attempt, so the same idempotency key: a takeover is not a retry.
    expect(run.steps.map((s) => [s.id, s.status, s.attempts])).toEqual([['first', 'succeeded', 1], ['second', 'succeeded', 1]]);
    expect(run.steps[1].outputs).toEqual({ message: 'recovered crash' });
  });

  it('ignores a running step whose lease is still valid (its worker is alive)', async () => {
    const sent = await postEvent('generic', 'recover.me', { who: 'busy' });
    const { runIds } = await processEvent(sent.body.id);
    const step = await db().stepRun.findFirstOrThrow({ where: { runId: runIds[0], stepId: 'first' } });
    const later = new Date(Date.now() + 10 * 60_000);
    await db().stepRun.update({ where: { id: step.id }, data: { status: 'running', startedAt: new Date(), leaseUntil: later } });

    workers = await startTestWorkers();
    // startWorkers reconciles once before returning; waiting for another run gives it more rounds.
    const other = await postEvent('generic', 'recover.me', { who: 'other' });
    await waitForEventRun(other.body.id);
    const row = await db().stepRun.findUniqueOrThrow({ where: { id: step.id } });
    expect(row).toMatchObject({ status: 'running', attempt: 1 });
    expect(row.finishedAt).toBeNull();
  });
});
