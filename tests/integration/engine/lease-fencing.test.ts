// Fenced step writes on real Postgres: a worker whose lease expired and was taken over (paused
// process, lost network) comes back and must not overwrite the worker that took over. Every write
// it makes (heartbeat, inputs, logs, settle, retry, wait, release) matches nothing, and a handler
// still running under a lost lease is aborted.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { claimStep, type StepJob } from '@/server/runs/claim-step';
import { renewLease } from '@/server/runs/lease';
import { releaseStep } from '@/server/runs/release-step';
import { scheduleRetry } from '@/server/runs/schedule-retry';
import { settleStep } from '@/server/runs/settle-step';
import { StepLogger } from '@/server/runs/step-logger';
import { enterWait } from '@/server/runs/waits';
import { executeStep } from '@/server/use-cases/execute-step';
import { processEvent } from '@/server/use-cases/process-event';
import { closeAll, postEvent, publishYaml, resetState, waitFor } from '../../support/harness';
import { startRecorder, type Recorder } from '../../support/recorder';

// Read by env() on first use in this file (vitest isolates modules per file): beats every 500 ms.
process.env.RAILYARD_STEP_LEASE_MS = '1500';

let recorder: Recorder;
beforeAll(async () => {
  recorder = await startRecorder();
  // A web-role connection has no offline queue: let it connect before the first flush.
  await waitFor(async () => sharedRedis().status === 'ready', 10_000, 'Redis');
});
beforeEach(resetState);
afterAll(async () => {
  await closeAll();
  await recorder.close();
});

const wf = (type: string, steps: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${type}\ntrigger: { source: generic, type: ${type} }\nsteps:\n${steps}`;

/** A run whose first step `a` is queued, with no worker running: the test plays the workers. */
async function queuedStep(type: string, steps: string): Promise<StepJob> {
  expect((await publishYaml(wf(type, steps))).status).toBe(201);
  const sent = await postEvent('generic', type, {});
  await processEvent(sent.body.id);
  const row = await db().stepRun.findFirstOrThrow({ where: { stepId: 'a', run: { eventId: sent.body.id } } });
  expect(row.status).toBe('queued');
  return { stepRunId: row.id, runId: row.runId, stepId: 'a', attempt: 1, wake: false };
}

/** What a takeover looks like in the database: A's lease ran out, B claimed the same attempt. */
async function expireLease(stepRunId: string) {
  await db().stepRun.update({ where: { id: stepRunId }, data: { leaseUntil: new Date(Date.now() - 1_000) } });
}

describe('a worker that lost its lease', () => {
  it('cannot overwrite the worker that took over: all its writes affect nothing', async () => {
    const job = await queuedStep('fence-writes', `
  - { id: a, action: log, with: { message: a } }
  - { id: b, action: log, needs: [a], with: { message: b } }
`);
    const a = (await claimStep(job, 'owner-A'))!;
    expect(a).toMatchObject({ attempt: 1, owner: 'owner-A' });
    expect(await claimStep(job, 'owner-B')).toBeNull(); // A's lease is still valid
    await expireLease(job.stepRunId);
    const b = (await claimStep(job, 'owner-B'))!;
    expect(b).toMatchObject({ attempt: 1, owner: 'owner-B' }); // same attempt: same idempotency key
    const taken = await db().stepRun.findUniqueOrThrow({ where: { id: job.stepRunId } });

    // A comes back and tries everything a worker writes.
    expect(await renewLease(a)).toBe(false);
    const logA = new StepLogger(job.stepRunId, job.runId, 'a', undefined, a);
    logA.setInputs({ from: 'A' }); // inputs travel with a log flush…
    logA.log('info', 'line from A');
    await logA.flush();
    const final = { lines: [{ at: new Date().toISOString(), level: 'info' as const, message: 'last line from A' }], inputs: { from: 'A' } };
    // …or with the settle, as its final write.
    expect(await settleStep(job.stepRunId, job.runId, { status: 'failed', error: 'from A' }, a, final)).toBe(false);
    expect(await scheduleRetry(a, job, 0, 'from A')).toBe(false);
    expect(await enterWait(job, { kind: 'delay' }, new Date(), a)).toBe(false);
    expect(await releaseStep(a, job)).toBe(false);

    const after = await db().stepRun.findUniqueOrThrow({ where: { id: job.stepRunId } });
    expect(after).toMatchObject({ status: 'running', attempt: 1, leaseOwner: 'owner-B', logs: [], inputs: null, error: null, waitFor: null });
    expect(after.leaseUntil!.getTime()).toBe(taken.leaseUntil!.getTime()); // A's heartbeat did not extend it
    const b2 = await db().stepRun.findFirstOrThrow({ where: { runId: job.runId, stepId: 'b' } });
    expect(b2.status).toBe('pending'); // A's settle queued nothing

    // B, the owner, writes normally.
    expect(await renewLease(b)).toBe(true);
    const logB = new StepLogger(job.stepRunId, job.runId, 'a', undefined, b);
    logB.log('info', 'line from B');
    await logB.flush();
    expect(await settleStep(job.stepRunId, job.runId, { status: 'succeeded', outputs: { by: 'B' } }, b)).toBe(true);
    const done = await db().stepRun.findUniqueOrThrow({ where: { id: job.stepRunId } });
    expect(done).toMatchObject({ status: 'succeeded', outputs: { by: 'B' }, logs: [expect.objectContaining({ message: 'line from B' })] });
    expect((await db().stepRun.findFirstOrThrow({ where: { runId: job.runId, stepId: 'b' } })).status).toBe('queued');
  });

  it('stops: its running handler is aborted and it records nothing', async () => {
    recorder.delay('/slow', 20_000);
    const job = await queuedStep('fence-abort', `
  - { id: a, action: http.request, with: { url: "${recorder.url}/slow", method: POST, timeoutMs: 30000, retries: { attempts: 0 } } }
`);
    const startedAt = Date.now();
    const runningA = executeStep(job, { owner: 'owner-A' });
    await waitFor(async () => recorder.to('/slow').length === 1, 10_000, 'A to call the target');
    // A is alive but someone else now holds the step (as after A was paused past its lease).
    await expireLease(job.stepRunId);
    expect(await claimStep(job, 'owner-B')).not.toBeNull();
    const linesBefore = (await db().stepRun.findUniqueOrThrow({ where: { id: job.stepRunId } })).logs;

    // A's next heartbeat (every 500 ms) sees the fence gone and aborts its handler, long before
    // the target would have answered (20 s).
    expect(await runningA).toBe('stale');
    expect(Date.now() - startedAt).toBeLessThan(10_000);
    const row = await db().stepRun.findUniqueOrThrow({ where: { id: job.stepRunId } });
    expect(row).toMatchObject({ status: 'running', attempt: 1, leaseOwner: 'owner-B', error: null, logs: linesBefore });
  });
});
