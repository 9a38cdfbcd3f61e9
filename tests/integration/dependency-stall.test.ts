// Intake and the API when a dependency stalls or is down (issue 7). Redis is this file's own
// redis-server, so it can be frozen (SIGSTOP) or stopped without touching anyone else; Postgres is
// the suite's, frozen for a couple of seconds at most and always resumed in a finally. The worker
// is the real process: after Redis comes back, its reconciler (not the web request) enqueues events.
// Heartbeats every 200 ms, so the test sees the stream kept alive while Redis is frozen.
process.env.RAILYARD_STREAM_HEARTBEAT_MS = '200';

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GET as runsGet } from '@/app/api/runs/route';
import { GET as streamGet } from '@/app/api/stream/route';
import { findEventRow } from '@/server/repositories/events';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { admin, closeAll, postEvent, publishYaml, resetState, waitForEventRun } from '../support/harness';
import { callRoute } from '../support/http';
import { postgresPids, timed, whileStopped } from '../support/stall';
import { startWorkerProcess, stopAllWorkerProcesses, type WorkerProcess } from '../support/worker-process';

const savedRedisUrl = process.env.REDIS_URL;
const redisDir = fs.mkdtempSync(path.join(os.tmpdir(), 'railyard-stall-redis-'));
let redis: Awaited<ReturnType<typeof startRedis>>;
let port: number;
let worker: WorkerProcess;

const freePort = () =>
  new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

beforeAll(async () => {
  port = await freePort();
  redis = await startRedis({ dir: redisDir, port });
  process.env.REDIS_URL = redis.url;
  await resetState();
  const res = await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: stall
trigger: { source: generic, type: stall.test }
steps:
  - id: only
    action: log
    with: { message: "ran after the stall" }
`);
  expect(res.status).toBe(201);
  worker = await startWorkerProcess({ REDIS_URL: redis.url });
});
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') console.error(`worker output:\n${worker?.output.join('\n')}`);
});
afterAll(async () => {
  await stopAllWorkerProcesses();
  await closeAll();
  await redis?.stop();
  fs.rmSync(redisDir, { recursive: true, force: true });
  process.env.REDIS_URL = savedRedisUrl;
});

describe('Redis stalled or down', () => {
  it('stalled (SIGSTOP): intake answers 202 within 1 s, the row is committed, and the worker runs it after SIGCONT', async () => {
    const { ms, value: res } = await whileStopped([redis.pid!], async () => {
      const answer = await timed(() => postEvent('generic', 'stall.test', { n: 1 }));
      // Committed while Redis is still frozen: the database, not Redis, makes an event accepted.
      expect(await findEventRow(answer.value.body.id)).toMatchObject({ processedAt: null });
      // A second delivery during the same stall is not slower (the guard skips Redis at once).
      const second = await timed(() => postEvent('generic', 'stall.test', { n: 2 }));
      expect(second.value.status).toBe(202);
      expect(second.ms).toBeLessThan(1_000);
      return answer;
    });
    expect(res.status).toBe(202);
    expect(ms).toBeLessThan(1_000);
    const run = await waitForEventRun(res.body.id, 25_000);
    expect(run.status).toBe('succeeded');
  });

  it('down (stopped): intake answers 202 within 1 s; once Redis is back, empty, the reconciler enqueues the event', async () => {
    await redis.stop();
    let res;
    try {
      const answer = await timed(() => postEvent('generic', 'stall.test', { n: 3 }));
      res = answer.value;
      expect(res.status).toBe(202);
      expect(answer.ms).toBeLessThan(1_000);
      expect(await findEventRow(res.body.id)).toMatchObject({ processedAt: null });
    } finally {
      redis = await startRedis({ dir: redisDir, port });
    }
    // Nothing of this event reached Redis (it was down): only the worker's reconciler can enqueue it.
    const run = await waitForEventRun(res.body.id, 30_000);
    expect(run.status).toBe('succeeded');
  });

  it('the live stream answers at once while Redis is stalled, and keeps the connection with heartbeats', async () => {
    await whileStopped([redis.pid!], async () => {
      const abort = new AbortController();
      const { ms, value: response } = await timed(() => streamGet(new Request('http://localhost/api/stream', { headers: admin, signal: abort.signal })));
      expect(response.status).toBe(200);
      expect(ms).toBeLessThan(1_000);
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let received = '';
      // A retry hint at once, then heartbeats that come from the web process, not from Redis.
      while (received.split(': keep-alive').length < 4) received += decoder.decode((await reader.read()).value, { stream: true });
      expect(received).toMatch(/^retry: \d+\n: connected/);
      abort.abort();
      await reader.cancel().catch(() => undefined);
    });
  });
});

describe('Postgres stalled', () => {
  it('intake and a GET API answer 503 with Retry-After within 2 s, and recover after SIGCONT', async () => {
    const pids = await postgresPids();
    await whileStopped(pids, async () => {
      const intake = await timed(() => postEvent('generic', 'stall.test', { n: 4 }));
      expect(intake.value.status).toBe(503);
      expect(Number(intake.value.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(intake.ms).toBeLessThan(2_000);
      const list = await timed(() => callRoute(runsGet, '/api/runs', {}, { headers: admin }));
      expect(list.value.status).toBe(503);
      expect(list.value.body.error).toMatch(/database/);
      expect(Number(list.value.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(list.ms).toBeLessThan(2_000);
      const stream = await timed(() => streamGet(new Request('http://localhost/api/stream', { headers: admin })));
      expect(stream.value.status).toBe(503);
      expect(stream.ms).toBeLessThan(2_000);
    });
    // Resumed: the same requests work again.
    const again = await postEvent('generic', 'stall.test', { n: 5 });
    expect(again.status).toBe(202);
  });

  it('twenty deliveries at once all answer 503 within 2 s: none queues behind the stalled inserts', async () => {
    // Group commit runs four statements at a time (repositories/insert-batcher.ts): the other
    // sixteen must be refused within the budget, not wait for the four to time out first.
    const pids = await postgresPids();
    await whileStopped(pids, async () => {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => timed(() => postEvent('generic', 'stall.test', { burst: i }))));
      expect(answers.map((a) => a.value.status)).toEqual(Array(20).fill(503));
      expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(2_000);
    });
    const again = await postEvent('generic', 'stall.test', { n: 6 });
    expect(again.status).toBe(202);
    expect((await callRoute(runsGet, '/api/runs', {}, { headers: admin })).status).toBe(200);
  });
});

describe('Postgres down', () => {
  it('a web process whose Postgres does not listen answers 503 with Retry-After within 2 s, not 500', async () => {
    const closedPort = await freePort(); // nothing listens there: connection refused, as with a stopped server
    const url = new URL(process.env.DATABASE_URL!);
    url.port = String(closedPort);
    const out = execFileSync(path.resolve('node_modules/.bin/tsx'), ['tests/support/intake-probe.ts'], {
      env: { ...process.env, DATABASE_URL: url.toString() },
      encoding: 'utf8',
      timeout: 30_000,
    });
    const answers = out.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
    expect(answers).toHaveLength(2); // intake, then GET /api/runs
    for (const a of answers) {
      expect(a.status).toBe(503);
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
      expect(a.ms).toBeLessThan(2_000);
    }
  });
});
