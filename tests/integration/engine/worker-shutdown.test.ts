// Graceful shutdown and the default step timeout, with the real worker process. SIGTERM: the
// worker takes no new jobs, lets running steps finish within RAILYARD_SHUTDOWN_GRACE_MS, then
// aborts the rest and releases them (same attempt, so the same idempotency key) to another worker
// at once, instead of leaving them until their lease (30 s here) expires. Exit code 0.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { closeAll, getRun, isFinished, postEvent, publishYaml, resetState, waitFor } from '../../support/harness';
import { startRecorder, type Recorder } from '../../support/recorder';
import { startWorkerProcess, stopAllWorkerProcesses, type WorkerProcess } from '../../support/worker-process';

let recorder: Recorder;
const workers: WorkerProcess[] = [];
const GRACE_MS = 1_500;
// The default lease (30 s): only an explicit release can hand a step over within these tests.
const start = async (env: Record<string, string> = {}) => {
  const w = await startWorkerProcess({ RAILYARD_SHUTDOWN_GRACE_MS: String(GRACE_MS), RAILYARD_STEP_LEASE_MS: '30000', ...env });
  workers.push(w);
  return w;
};

beforeAll(async () => {
  recorder = await startRecorder();
  await waitFor(async () => sharedRedis().status === 'ready', 10_000, 'Redis');
});
beforeEach(async () => {
  await resetState();
  recorder.received.length = 0;
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') for (const w of workers) console.error(`worker ${w.pid}:\n${w.output.join('\n')}`);
  workers.length = 0;
  await stopAllWorkerProcesses();
});
afterAll(async () => {
  await closeAll();
  await recorder.close();
});

const wf = (type: string, steps: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${type}\ntrigger: { source: generic, type: ${type} }\nsteps:\n${steps}`;
const call = (path: string) => `{ url: "${recorder.url}${path}", method: POST, timeoutMs: 60000, retries: { attempts: 0 } }`;
type Run = Awaited<ReturnType<typeof getRun>>;

async function runOf(eventId: string, until: (r: Run) => boolean, timeoutMs: number, what: string): Promise<Run> {
  return waitFor(async () => {
    const row = await db().run.findFirst({ where: { eventId } });
    const run = row && (await getRun(row.id));
    return run && until(run) ? run : undefined;
  }, timeoutMs, what);
}
const step = (run: Run, id: string) => run.steps.find((s) => s.id === id)!;

async function stopTimed(w: WorkerProcess): Promise<number> {
  const t0 = Date.now();
  await w.stop(30_000);
  return Date.now() - t0;
}

describe('SIGTERM', () => {
  it('a step outliving the grace period is released and another worker finishes it with the same attempt and key', async () => {
    expect((await publishYaml(wf('shutdown-long', `
  - { id: long, action: http.request, with: ${call('/long')} }
  - { id: after, action: log, needs: [long], with: { message: after } }
`))).status).toBe(201);
    recorder.delay('/long', 60_000);
    const a = await start();
    const sent = await postEvent('generic', 'shutdown-long', {});
    await runOf(sent.body.id, (r) => step(r, 'long').status === 'running' && recorder.to('/long').length === 1, 20_000, 'long in flight');
    const b = await start();
    recorder.delay('/long', 0); // the next call answers at once

    const took = await stopTimed(a);
    expect(a.exit()).toEqual({ code: 0, signal: null });
    expect(took).toBeLessThan(GRACE_MS + 5_000); // the grace bound, with a generous margin
    expect(a.output.join('\n')).toMatch(/releasing 1 running step/);

    // Well inside the 30 s lease: B got it because A released it, not because a lease expired.
    const run = await runOf(sent.body.id, isFinished, 15_000, 'B to finish the run');
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => [s.id, s.status, s.attempts])).toEqual([['long', 'succeeded', 1], ['after', 'succeeded', 1]]);
    expect(recorder.to('/long').map((r) => r.headers['idempotency-key'])).toEqual([`${run.id}.long.1`, `${run.id}.long.1`]);
    expect(b.output.join('\n')).not.toMatch(/lease lost/);
  }, 60_000);

  it('a step that finishes within the grace period completes on the stopping worker', async () => {
    expect((await publishYaml(wf('shutdown-short', `  - { id: short, action: http.request, with: ${call('/short')} }\n`))).status).toBe(201);
    recorder.delay('/short', 700);
    const a = await start();
    const sent = await postEvent('generic', 'shutdown-short', {});
    await runOf(sent.body.id, () => recorder.to('/short').length === 1, 20_000, 'short in flight');
    await stopTimed(a);
    expect(a.exit()).toEqual({ code: 0, signal: null });
    const run = await runOf(sent.body.id, isFinished, 5_000, 'the run, finished by A before it exited');
    expect(run.status).toBe('succeeded');
    expect(recorder.to('/short')).toHaveLength(1);
  }, 60_000);
});

describe('default step timeout', () => {
  it('fails a step that would hang; a step with its own timeoutMs and a waiting step are not held by it', async () => {
    expect((await publishYaml(wf('timeouts', `
  - { id: hang, action: http.request, with: ${call('/hang')} }
  - { id: own, action: http.request, timeoutMs: 30000, with: ${call('/own')} }
  - { id: pause, action: delay, with: { ms: 3000 } }
`))).status).toBe(201);
    recorder.delay('/hang', 60_000);
    recorder.delay('/own', 3_000);
    await start({ RAILYARD_STEP_TIMEOUT_MS: '1500' });
    const sent = await postEvent('generic', 'timeouts', {});
    const run = await runOf(sent.body.id, isFinished, 20_000, 'the run to finish');
    expect(step(run, 'hang')).toMatchObject({ status: 'failed', error: expect.stringMatching(/timed out after 1500 ms/) });
    expect(step(run, 'own').status).toBe('succeeded');
    expect(step(run, 'pause').status).toBe('succeeded');
    expect(run.status).toBe('failed');
  }, 60_000);
});
