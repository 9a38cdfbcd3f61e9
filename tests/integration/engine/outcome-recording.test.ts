// A side effect that succeeded never runs again because recording it failed. The real worker
// process calls a target; the moment the target has done its work, Postgres stops accepting
// connections (every open one is terminated) for two seconds, so the worker cannot record the
// success. Before the fix the failed write was caught as a step failure and the step ran again
// (a retry, or the reconciler's takeover once the lease expired): the target was called twice.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { closeAll, getRun, isFinished, postEvent, publishYaml, resetState, waitFor } from '../../support/harness';
import { startWorkerProcess, stopAllWorkerProcesses, type WorkerProcess } from '../../support/worker-process';

const url = new URL(process.env.DATABASE_URL!);
const dbName = decodeURIComponent(url.pathname.slice(1));
// The owner (superuser in the embedded default) may refuse connections and end backends; the app
// role may not. Connected to the `postgres` database, so it survives cutting off ours.
const ownerUrl = new URL(process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL!);
let admin: pg.Client;
let target: Server;
let targetUrl: string;
const calls: { key: string | undefined }[] = [];
let worker: WorkerProcess | undefined;

async function refuseConnections() {
  await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [dbName]);
}
const acceptConnections = () => admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);

beforeAll(async () => {
  const adminUrl = new URL(ownerUrl);
  adminUrl.pathname = '/postgres';
  admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  target = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      calls.push({ key: req.headers['idempotency-key'] as string | undefined });
      // The effect has happened; now the worker must record it while Postgres refuses.
      await refuseConnections();
      setTimeout(() => void acceptConnections(), 2_000);
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"charged":true}');
    });
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}`;
  // A web-role connection has no offline queue: let it connect before the first flush.
  await waitFor(async () => sharedRedis().status === 'ready', 10_000, 'Redis');
});
beforeEach(resetState);
afterEach(async (ctx) => {
  await acceptConnections();
  if (ctx.task.result?.state === 'fail' && worker) console.error(`worker output:\n${worker.output.join('\n')}`);
  await stopAllWorkerProcesses();
});
afterAll(async () => {
  await acceptConnections();
  await admin.end();
  await new Promise((resolve) => target.close(resolve));
  await closeAll();
});

describe('recording an outcome', () => {
  it('a success whose recording fails for a while is recorded once Postgres is back; the effect happened once', async () => {
    expect((await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: charge-once
trigger: { source: generic, type: charge }
steps:
  - id: charge
    action: http.request
    with: { url: "${targetUrl}/charge", method: POST, retries: { attempts: 0 } }
    retry: { attempts: 3, backoff: fixed, delayMs: 200 }
  - { id: after, action: log, needs: [charge], with: { message: charged } }
`)).status).toBe(201);
    // Lease 8 s: long enough that the two-second outage cannot expire it (heartbeats resume after).
    worker = await startWorkerProcess({ RAILYARD_STEP_LEASE_MS: '8000' });
    const sent = await postEvent('generic', 'charge', {});
    expect(sent.status).toBe(202);

    // Long enough for a wrongly repeated call: a retry (200 ms) or a takeover after the lease (8 s
    // + a 5 s reconciler pass) would have happened inside it.
    const run = await waitFor(async () => {
      const row = await db().run.findFirst({ where: { eventId: sent.body.id } });
      const detail = row && (await getRun(row.id));
      return detail && isFinished(detail) ? detail : undefined;
    }, 40_000, 'the run to finish');
    await new Promise((r) => setTimeout(r, 1_000));

    expect(worker.output.some((l) => /\[record\] .*charge\.1 succeeded: try 1 of 5 failed/.test(l))).toBe(true);
    expect(run.status).toBe('succeeded');
    expect(run.steps.map((s) => [s.id, s.status, s.attempts])).toEqual([['charge', 'succeeded', 1], ['after', 'succeeded', 1]]);
    expect(calls).toEqual([{ key: `${run.id}.charge.1` }]);
  }, 60_000);
});
