// Crash recovery with the real worker process (DESIGN.md: Postgres is the source of truth, Redis
// can be lost, waiting is persisted state). A worker killed with -9 mid-step, or a Redis restarted
// empty, must not lose a step or run a completed one again; the reconciler (not BullMQ's ~30 s
// stalled-job timer) does the recovery, so every run must finish well inside 30 s after the crash.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { executeStep } from '@/server/use-cases/execute-step';
import { processEvent } from '@/server/use-cases/process-event';
import { startRedis } from '../../../scripts/lib/redis.mjs';
import { closeAll, getRun, isFinished, postEvent, publishYaml, resetState, waitFor } from '../../support/harness';
import { startRecorder, type Recorder } from '../../support/recorder';
import { startWorkerProcess, stopAllWorkerProcesses, type WorkerProcess } from '../../support/worker-process';

// A private Redis for this file, so it can be killed and restarted empty without touching the
// shared one. env() is lazy and vitest isolates modules per file: setting REDIS_URL before the
// first server call (resetState) points the in-process code and the worker children at it.
const savedRedisUrl = process.env.REDIS_URL;
const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'railyard-crash-redis-'));
let redis: Awaited<ReturnType<typeof startRedis>>;
let redisPort: number;
let recorder: Recorder;
let worker: WorkerProcess | undefined;
// A short lease so a dead worker's step is reclaimable quickly; the child reads it from its env.
const childEnv = () => ({ REDIS_URL: process.env.REDIS_URL, RAILYARD_STEP_LEASE_MS: '1500' });

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  redisPort = await freePort();
  redis = await startRedis({ dir: redisDir, port: redisPort });
  process.env.REDIS_URL = redis.url;
  recorder = await startRecorder();
});
beforeEach(resetState);
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && worker) console.error(`worker output:\n${worker.output.join('\n')}`);
  await stopAllWorkerProcesses();
  worker = undefined;
});
afterAll(async () => {
  await stopAllWorkerProcesses();
  await closeAll();
  await recorder?.close();
  await redis?.stop();
  fs.rmSync(redisDir, { recursive: true, force: true });
  process.env.REDIS_URL = savedRedisUrl;
});

const wf = (type: string, steps: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${type}\ntrigger: { source: generic, type: ${type} }\nsteps:\n${steps}`;
type Run = Awaited<ReturnType<typeof getRun>>;
const stepOf = (run: Run, id: string) => run.steps.find((s) => s.id === id)!;
const attempts = (run: Run) => Object.fromEntries(run.steps.map((s) => [s.id, s.attempts]));
const statuses = (run: Run) => Object.fromEntries(run.steps.map((s) => [s.id, s.status]));

async function runOf(eventId: string, until: (r: Run) => boolean, timeoutMs: number, what: string) {
  return waitFor(async () => {
    const row = await db().run.findFirst({ where: { eventId } });
    const run = row && (await getRun(row.id));
    return run && until(run) ? run : undefined;
  }, timeoutMs, what);
}

/** Publishes, starts a worker child and posts the event; returns the event id. */
async function startRun(type: string, steps: string): Promise<string> {
  expect((await publishYaml(wf(type, steps))).status).toBe(201);
  worker = await startWorkerProcess(childEnv());
  const sent = await postEvent('generic', type, {});
  expect(sent.status).toBe(202);
  return sent.body.id;
}

describe('worker killed with -9', () => {
  it('a step in flight is taken over with the same attempt and key; completed steps do not run again', async () => {
    recorder.delay('/slow', 4_000); // long enough to kill the worker while the request is open
    const post = (p: string, extra = '') => `{ url: "${recorder.url}${p}", method: POST${extra} }`;
    const eventId = await startRun('crash-mid-step', `
  - { id: first, action: http.request, with: ${post('/first')} }
  - { id: slow, action: http.request, needs: [first], with: ${post('/slow', ', timeoutMs: 20000, retries: { attempts: 0 }')} }
  - { id: last, action: http.request, needs: [slow], with: ${post('/last')} }
`);
    await runOf(eventId, (r) => stepOf(r, 'slow').status === 'running' && recorder.to('/slow').length === 1, 20_000, 'slow in flight');
    await worker!.kill9();
    worker = await startWorkerProcess(childEnv());
    // 25 s: below BullMQ's stalled-job detection, so only the lease + reconciler path can pass.
    const run = await runOf(eventId, isFinished, 25_000, 'the run to finish after the crash');
    expect(run.status).toBe('succeeded');
    expect(recorder.to('/first')).toHaveLength(1);
    expect(recorder.to('/last')).toHaveLength(1);
    expect(attempts(run)).toEqual({ first: 1, slow: 1, last: 1 });
    const keys = recorder.to('/slow').map((r) => r.headers['idempotency-key']);
    expect(keys).toEqual([`${run.id}.slow.1`, `${run.id}.slow.1`]); // the retry is recognisable as one
    // The takeover was the reconciler's recovery job (lease expired), not BullMQ re-running the stalled one.
    expect(await sharedRedis().keys(`bull:steps:${run.id}.slow.1.recover-*`)).not.toHaveLength(0);
    // The dead worker's original jobs stay `active` until BullMQ's stall check re-runs them (~30 s
    // later): running that same payload again must be a no-op, with no third request.
    for (const s of await db().stepRun.findMany({ where: { runId: run.id } })) {
      expect(await executeStep({ stepRunId: s.id, runId: run.id, stepId: s.stepId, attempt: 1, wake: false })).toBe('stale');
    }
    expect(recorder.received.map((r) => r.path)).toEqual(['/first', '/slow', '/slow', '/last']);
  }, 60_000);

  it('a persisted wait survives the restart and ends once', async () => {
    const eventId = await startRun('crash-while-waiting', `
  - { id: a, action: log, with: { message: before } }
  - { id: pause, action: delay, needs: [a], with: { ms: 2000 } }
  - { id: c, action: log, needs: [pause], with: { message: after } }
`);
    const waiting = await runOf(eventId, (r) => stepOf(r, 'pause').status === 'waiting', 20_000, 'pause waiting');
    expect(stepOf(waiting, 'pause').wait).toMatchObject({ kind: 'delay' });
    await worker!.kill9();
    worker = await startWorkerProcess(childEnv());
    const run = await runOf(eventId, isFinished, 25_000, 'the run to finish after the restart');
    expect(run.status).toBe('succeeded');
    expect(attempts(run)).toEqual({ a: 1, pause: 1, c: 1 });
    expect(stepOf(run, 'pause').outputs).toEqual({ waitedMs: expect.any(Number) });
    expect(stepOf(run, 'c').outputs).toEqual({ message: 'after' });
  }, 60_000);
});

describe('Redis lost', () => {
  it('restarted empty while a step waits: the reconciler rebuilds the due work from Postgres', async () => {
    const eventId = await startRun('redis-restart', `
  - { id: a, action: log, with: { message: a } }
  - { id: b, action: delay, needs: [a], with: { ms: 1500 } }
  - { id: c, action: log, needs: [b], with: { message: c } }
`);
    await runOf(eventId, (r) => stepOf(r, 'b').status === 'waiting', 20_000, 'b waiting');
    await redis.stop(); // the delayed wake-up job dies with it
    redis = await startRedis({ dir: redisDir, port: redisPort });
    const run = await runOf(eventId, isFinished, 30_000, 'the run to finish after the Redis restart');
    expect(run.status).toBe('succeeded');
    expect(statuses(run)).toEqual({ a: 'succeeded', b: 'succeeded', c: 'succeeded' });
    expect(attempts(run)).toEqual({ a: 1, b: 1, c: 1 });
  }, 60_000);

  it('flushed while a step is queued but not yet claimed: the run still finishes', async () => {
    expect((await publishYaml(wf('redis-flush', `
  - { id: a, action: log, with: { message: a } }
  - { id: b, action: log, needs: [a], with: { message: b } }
`))).status).toBe(201);
    const sent = await postEvent('generic', 'redis-flush', {}); // no worker runs yet
    await processEvent(sent.body.id); // what the event job would do: the run exists, `a` is queued
    const a = await db().stepRun.findFirstOrThrow({ where: { stepId: 'a', run: { eventId: sent.body.id } } });
    expect(a.status).toBe('queued');
    await sharedRedis().flushall(); // also proves the in-process connection came back after the restart
    worker = await startWorkerProcess(childEnv());
    const run = await runOf(sent.body.id, isFinished, 30_000, 'the run to finish after the flush');
    expect(run.status).toBe('succeeded');
    expect(attempts(run)).toEqual({ a: 1, b: 1 });
  }, 60_000);
});
