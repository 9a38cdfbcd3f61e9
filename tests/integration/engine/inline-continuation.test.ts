// Inline continuation (issue 11): a step whose settle queues exactly one successor runs that
// successor in the same job, so a chain costs one BullMQ job, not one per step. The successor's
// row is `queued` like any other, so a process that dies between the settle and the inline claim
// loses nothing: the reconciler enqueues it. A fan-out still goes through the queue.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { env } from '@/server/env';
import { executeStep, handBack } from '@/server/use-cases/execute-step';
import { processEvent } from '@/server/use-cases/process-event';
import { settleStep, type Hold } from '@/server/runs/settle-step';
import { claimStep } from '@/server/runs/claim-step';
import { acceptSteps } from '@/server/runs/active-steps';
import { SYSTEM_ACTOR } from '@/server/auth/principal';
import { cancelRun } from '@/server/use-cases/operate-runs';
import { closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitFor, waitForEventRun, type Workers } from '../../support/harness';

let workers: Workers | undefined;
const chain = (n: number) => Array.from({ length: n }, (_, i) =>
  `  - { id: s${i}, action: log, ${i ? `needs: [s${i - 1}], ` : ''}with: { message: "step ${i}" } }`).join('\n');

beforeAll(async () => {
  await resetState();
  for (const [name, type, steps] of [
    ['inline-chain', 'chain', chain(6)],
    ['inline-long', 'long', chain(env().RAILYARD_INLINE_STEPS + 2)],
    ['inline-drain', 'drain', `  - { id: slow, action: shell.run, with: { command: "sleep 0.6" } }
  - { id: after, action: log, needs: [slow], with: { message: after } }`],
    // A single path whose later steps read earlier ones: built from what the job knows, not re-read.
    ['inline-context', 'context', `  - { id: s0, action: log, with: { message: zero } }
  - { id: s1, action: log, needs: [s0], with: { message: "{{ steps.s0.outputs.message }}-one" } }
  - { id: s2, action: log, needs: [s1], with: { message: "{{ steps.s0.outputs.message }}|{{ steps.s1.outputs.message }}|{{ steps.s1.status }}|{{ steps.s3.status }}" } }
  - { id: s3, action: log, needs: [s2], with: { message: "{{ steps.s2.outputs.message }}" } }`],
    ['inline-fan', 'fan', `  - { id: a, action: log, with: { message: a } }
  - { id: b, action: log, needs: [a], with: { message: b } }
  - { id: c, action: log, needs: [a], with: { message: c } }`],
  ]) {
    expect((await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: ${name}
trigger: { source: generic, type: ${type} }
steps:
${steps}
`)).status).toBe(201);
  }
});
afterEach(async () => {
  await workers?.stop();
  workers = undefined;
});
afterAll(() => closeAll(workers));

/** step.run jobs BullMQ ever held for this run (completed ones are kept, by count). */
async function stepJobsOf(runId: string): Promise<number> {
  const keys = await sharedRedis().keys('bull:steps:*');
  return keys.filter((k) => k.includes(runId) && !k.endsWith(':logs') && !k.endsWith(':lock')).length;
}

describe('inline continuation', () => {
  it('runs a six-step chain in the event\'s own job, every step once, in order', async () => {
    workers = await startTestWorkers();
    const sent = await postEvent('generic', 'chain', {});
    const run = await waitForEventRun(sent.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => [s.id, s.status, s.attempts])).toEqual(Array.from({ length: 6 }, (_, i) => [`s${i}`, 'succeeded', 1]));
    const starts = run.steps.map((s) => new Date(s.startedAt!).getTime());
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
    // The event job ran the first step itself (worker/processors/event-process.ts): no step job.
    expect(await stepJobsOf(run.id)).toBe(0);
  });

  it('gives each step of a single path the outputs and states of the others, as a fresh read would', async () => {
    workers = await startTestWorkers();
    const sent = await postEvent('generic', 'context', {});
    const run = await waitForEventRun(sent.body.id);
    expect(run.status).toBe('succeeded');
    const rows = await db().stepRun.findMany({ where: { runId: run.id }, orderBy: { stepId: 'asc' } });
    expect(rows.map((r) => (r.outputs as { message: string }).message)).toEqual(['zero', 'zero-one', 'zero|zero-one|succeeded|pending', 'zero|zero-one|succeeded|pending']);
    expect(await stepJobsOf(run.id)).toBe(0); // all four ran in the event's job
  });

  it('sends a fan-out through the queue: one job per branch (the root ran in the event job)', async () => {
    workers = await startTestWorkers();
    const sent = await postEvent('generic', 'fan', {});
    const run = await waitForEventRun(sent.body.id);
    expect(run.steps.map((s) => s.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(await stepJobsOf(run.id)).toBe(2);
  });

  it('loses nothing when the process dies between the settle and the inline claim', async () => {
    const sent = await postEvent('generic', 'chain', {});
    const { runIds: [runId] } = await processEvent(sent.body.id);
    const first = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
    const job = { stepRunId: first.id, runId, stepId: 's0', attempt: 1, wake: false };
    const fence = await claimStep(job);
    const hold: Hold = {};
    expect(await settleStep(first.id, runId, { status: 'succeeded', outputs: { message: 'step 0' } }, fence!, undefined, { hold, stepId: 's0' })).toBe(true);
    // The successor was handed over, not enqueued: this is the state a crash right now leaves.
    expect(hold.job).toMatchObject({ runId, stepId: 's1', attempt: 1 });
    await sharedRedis().flushdb();
    expect((await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's1' } })).status).toBe('queued');

    workers = await startTestWorkers(); // its reconciler finds s1 queued with no job
    const run = await waitForEventRun(sent.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => s.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('loses nothing when the process dies after its settle claimed the successor', async () => {
    acceptSteps(); // as a running worker: the workers stopped above left this process draining
    const sent = await postEvent('generic', 'chain', {});
    const { runIds: [runId] } = await processEvent(sent.body.id);
    const first = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
    const fence = await claimStep({ stepRunId: first.id, runId, stepId: 's0', attempt: 1, wake: false });
    const hold: Hold = { claimNext: true };
    expect(await settleStep(first.id, runId, { status: 'succeeded', outputs: { message: 'step 0' } }, fence!, undefined, { hold, stepId: 's0' })).toBe(true);
    // One statement settled s0 and claimed s1 for this worker, with what a claim returns.
    expect(hold.claimed).toMatchObject({ step: { stepId: 's1', status: 'running', attempt: 1 }, run: { id: runId, status: 'running' },
      steps: { s0: { status: 'succeeded', outputs: { message: 'step 0' } }, s1: { status: 'running' } } });
    const s1 = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's1' } });
    expect([s1.status, s1.attempt, s1.leaseOwner]).toEqual(['running', 1, hold.claimed!.fence.owner]);
    // The process dies now: no job anywhere, and its lease runs out.
    await sharedRedis().flushdb();
    await db().stepRun.update({ where: { id: s1.id }, data: { leaseUntil: new Date(Date.now() - 1_000) } });

    workers = await startTestWorkers(); // its reconciler takes s1 over, same attempt
    const run = await waitForEventRun(sent.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => s.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('releases the successor when a retried settle finds its first try committed (its answer was lost)', async () => {
    acceptSteps();
    const sent = await postEvent('generic', 'chain', {});
    const { runIds: [runId] } = await processEvent(sent.body.id);
    await sharedRedis().flushdb();
    const first = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
    const fence = await claimStep({ stepRunId: first.id, runId, stepId: 's0', attempt: 1, wake: false });
    const hold: Hold = { claimNext: true };
    const settle = () => settleStep(first.id, runId, { status: 'succeeded', outputs: { message: 'step 0' } }, fence!, undefined, { hold, stepId: 's0' });
    expect(await settle()).toBe(true); // committed; suppose the answer never arrived
    expect(await settle()).toBe(false); // recordOutcome's retry: no longer held
    const s1 = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's1' } });
    expect([s1.status, s1.attempt, s1.leaseOwner]).toEqual(['queued', 1, null]);
    const jobs = (await sharedRedis().keys(`bull:steps:${runId}.s1.1.released-*`)).filter((k) => !k.endsWith(':logs') && !k.endsWith(':lock'));
    expect(jobs).toHaveLength(1);
  });

  it('enqueues the successor instead of running it once the job has run its share', async () => {
    // executeStep directly, without workers: after RAILYARD_INLINE_STEPS steps the next one is in Redis.
    acceptSteps(); // as a freshly started worker: the workers stopped above left this process draining
    const INLINE_STEPS = env().RAILYARD_INLINE_STEPS;
    const sent = await postEvent('generic', 'long', {});
    const { runIds: [runId] } = await processEvent(sent.body.id);
    await sharedRedis().flushdb();
    const first = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
    expect(await executeStep({ stepRunId: first.id, runId, stepId: 's0', attempt: 1, wake: false })).toBe('ran');
    const rows = await db().stepRun.findMany({ where: { runId } });
    const status = (i: number) => rows.find((r) => r.stepId === `s${i}`)!.status;
    expect(Array.from({ length: INLINE_STEPS }, (_, i) => status(i)).every((st) => st === 'succeeded')).toBe(true);
    expect([status(INLINE_STEPS), status(INLINE_STEPS + 1)]).toEqual(['queued', 'pending']);
    expect(await sharedRedis().exists(`bull:steps:${runId}.s${INLINE_STEPS}.1`)).toBe(1);
  }, 60_000);
});

/** A fresh chain run with its first step claimed (as an executor would), no workers running. */
async function claimedFirstStep() {
  const sent = await postEvent('generic', 'chain', {});
  const { runIds: [runId] } = await processEvent(sent.body.id);
  await sharedRedis().flushdb();
  const first = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
  const job = { stepRunId: first.id, runId, stepId: 's0', attempt: 1, wake: false };
  // claimStep caches the run's version and event, which the one-statement settle needs.
  const fence = (await claimStep(job))!;
  return { runId, first, fence };
}
const stepsOf = async (runId: string) =>
  Object.fromEntries((await db().stepRun.findMany({ where: { runId } })).map((r) => [r.stepId, r.status]));

describe('the one-statement settle of a chain step (runs/settle-linear.ts)', () => {
  it('writes nothing under a fence another worker took over', async () => {
    const { runId, first, fence } = await claimedFirstStep();
    const stale = { ...fence, owner: 'someone-else' };
    expect(await settleStep(first.id, runId, { status: 'succeeded', outputs: { by: 'stale' } }, stale, undefined, { stepId: 's0' })).toBe(false);
    expect((await stepsOf(runId)).s0).toBe('running');
    expect((await stepsOf(runId)).s1).toBe('pending');
    expect((await db().stepRun.findUniqueOrThrow({ where: { id: first.id } })).outputs).toBeNull();
  });

  it('leaves a run cancelled while its step ran to the general settle: the successor stays cancelled', async () => {
    const { runId, first, fence } = await claimedFirstStep();
    await cancelRun(SYSTEM_ACTOR, runId);
    expect(await settleStep(first.id, runId, { status: 'succeeded', outputs: { message: 'late' } }, fence, undefined, { stepId: 's0' })).toBe(true);
    const steps = await stepsOf(runId);
    expect(steps.s0).toBe('succeeded'); // what the step did is recorded
    expect(steps.s1).toBe('cancelled'); // and nothing after it starts
    expect((await db().run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('cancelled');
  });

  it('merges the step\'s variables into the run, as the general settle does', async () => {
    const { runId, first, fence } = await claimedFirstStep();
    expect(await settleStep(first.id, runId, { status: 'succeeded', outputs: {}, vars: { version: '1.4.0' } }, fence, undefined, { stepId: 's0' })).toBe(true);
    expect((await db().run.findUniqueOrThrow({ where: { id: runId } })).vars).toMatchObject({ version: '1.4.0' });
    expect(await stepsOf(runId)).toMatchObject({ s0: 'succeeded', s1: 'queued', s2: 'pending' });
  });
});

describe('shutdown', () => {
  it('starts no step inline once the worker is stopping: the successor goes to the queue for another worker', async () => {
    workers = await startTestWorkers();
    const sent = await postEvent('generic', 'drain', {});
    const slow = await waitFor(async () => {
      const row = await db().stepRun.findFirst({ where: { stepId: 'slow', run: { eventId: sent.body.id } } });
      return row?.status === 'running' ? row : undefined;
    }, 10_000, 'the slow step to run');
    await workers.stop(); // the slow step finishes within the grace period, on this worker
    workers = undefined;
    const steps = await db().stepRun.findMany({ where: { runId: slow.runId } });
    expect(Object.fromEntries(steps.map((r) => [r.stepId, r.status]))).toEqual({ slow: 'succeeded', after: 'queued' });
    expect(await sharedRedis().exists(`bull:steps:${slow.runId}.after.1`)).toBe(1);
    workers = await startTestWorkers();
    const run = await waitForEventRun(sent.body.id);
    expect(run.steps.map((s) => [s.id, s.status, s.attempts])).toEqual([['slow', 'succeeded', 1], ['after', 'succeeded', 1]]);
  });

  it('creates an event job\'s first step claimed for it, with what a claim returns; a job that dies then loses nothing', async () => {
    acceptSteps();
    const sent = await postEvent('generic', 'chain', {});
    const hold: Hold = {};
    const { runIds: [runId] } = await processEvent(sent.body.id, { hold });
    // One round trip created the run and claimed s0 for this job: running, attempt 1, leased to it.
    const s0 = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
    expect([s0.status, s0.attempt, s0.leaseOwner, s0.startedAt !== null, s0.leaseUntil! > new Date()]).toEqual(['running', 1, hold.claimed!.fence.owner, true, true]);
    const run = await db().run.findUniqueOrThrow({ where: { id: runId } });
    expect([run.status, run.startedAt?.getTime()]).toEqual(['running', s0.startedAt!.getTime()]);
    expect(hold.job).toEqual({ stepRunId: s0.id, runId, stepId: 's0', attempt: 1 });
    expect(hold.claimed).toMatchObject({
      step: { id: s0.id, stepId: 's0', status: 'running', attempt: 1, logCount: 0 },
      run: { id: runId, status: 'running', workflowName: 'inline-chain', vars: {} },
      workflow: { name: 'inline-chain', shellAllowed: false, secretGrants: [] },
      steps: { s0: { status: 'running' }, s1: { status: 'pending' }, s5: { status: 'pending' } },
    });
    // No job for it: the event job was to run it.
    expect(await sharedRedis().exists(`bull:steps:${runId}.s0.1`)).toBe(0);
    // The job dies now; the lease runs out and the reconciler hands s0 out again, same attempt.
    await db().stepRun.update({ where: { id: s0.id }, data: { leaseUntil: new Date(Date.now() - 1_000) } });
    workers = await startTestWorkers();
    const done = await waitForEventRun(sent.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((st) => st.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('hands a step created claimed back to the queue when the worker began stopping: released, same attempt, a job of its own', async () => {
    acceptSteps();
    const sent = await postEvent('generic', 'chain', {});
    const hold: Hold = {};
    const { runIds: [runId] } = await processEvent(sent.body.id, { hold });
    await handBack(hold.job!, hold.claimed);
    const s0 = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
    expect([s0.status, s0.attempt, s0.leaseOwner]).toEqual(['queued', 1, null]);
    workers = await startTestWorkers();
    const done = await waitForEventRun(sent.body.id);
    expect(done.status).toBe('succeeded');
    expect(done.steps.map((st) => st.attempts)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('claims nothing at creation without a holder: the first step is queued with a job', async () => {
    acceptSteps();
    const sent = await postEvent('generic', 'chain', {});
    const { runIds: [runId] } = await processEvent(sent.body.id);
    const s0 = await db().stepRun.findFirstOrThrow({ where: { runId, stepId: 's0' } });
    expect([s0.status, s0.leaseOwner, s0.startedAt]).toEqual(['queued', null, null]);
    expect((await db().run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('queued');
  });

  it('a step claimed ahead of a job that was held up renews its lease first: a cancelled run settles it cancelled, a takeover leaves it alone', async () => {
    acceptSteps();
    // Cancelled while the job was held up (a third of the lease gone): settled cancelled, the handler never ran.
    const a = await postEvent('generic', 'chain', {});
    const holdA: Hold = {};
    const { runIds: [runA] } = await processEvent(a.body.id, { hold: holdA });
    await cancelRun(SYSTEM_ACTOR, runA);
    holdA.claimed!.until = new Date(Date.now() + 1_000);
    expect(await executeStep({ ...holdA.job!, wake: false }, { held: true, claimed: holdA.claimed })).toBe('ran');
    const s0a = await db().stepRun.findFirstOrThrow({ where: { runId: runA, stepId: 's0' } });
    expect(s0a.status).toBe('cancelled');
    expect(JSON.stringify(s0a.logs)).not.toContain('step 0');

    // Taken over by another worker meanwhile: nothing runs or is written here.
    const b = await postEvent('generic', 'chain', {});
    const holdB: Hold = {};
    const { runIds: [runB] } = await processEvent(b.body.id, { hold: holdB });
    const s0b = await db().stepRun.findFirstOrThrow({ where: { runId: runB, stepId: 's0' } });
    await db().stepRun.update({ where: { id: s0b.id }, data: { leaseOwner: 'another-worker.1' } });
    holdB.claimed!.until = new Date(Date.now() + 1_000);
    expect(await executeStep({ ...holdB.job!, wake: false }, { held: true, claimed: holdB.claimed })).toBe('stale');
    const after = await db().stepRun.findUniqueOrThrow({ where: { id: s0b.id } });
    expect([after.status, after.leaseOwner, after.logs]).toEqual(['running', 'another-worker.1', []]);
  });
});
