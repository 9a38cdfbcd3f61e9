// How a run moves: fan-out/fan-in order, retries of transient failures only, persisted waits,
// skipped steps and trigger filters. Third-party calls go to a local recording server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import {
  closeAll, getEvent, getRun, postEvent, publishYaml, resetState, startTestWorkers, waitFor, waitForEventRun, type Workers,
} from '../support/harness';
import { startRecorder, type Recorder } from '../support/recorder';

let workers: Workers;
let api: Recorder;

/** Publishes a workflow on generic/<type> with the given steps (YAML, indented by two). */
async function publish(name: string, trigger: string, steps: string) {
  const res = await publishYaml(`apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: ${trigger}\nsteps:\n${steps}`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}
// `retries: 0` turns off http.request's own in-step retries, so each request is one step attempt.
const http = (id: string, path: string, extra = '') =>
  `  - id: ${id}\n    action: http.request\n    with: { url: "URL${path}", method: POST, body: { step: ${id} }, retries: { attempts: 0 } }\n${extra}`;

beforeAll(async () => {
  await resetState();
  api = await startRecorder();
  api.answer('/fail', 500);
  api.answer('/missing', 404);
  const u = (s: string) => s.replaceAll('URL', api.url);
  await publish('fan', '{ source: generic, type: fan }', u(
    `  - id: start\n    action: log\n    with: { message: go }\n` +
    http('left', '/left', '    needs: [start]\n') +
    http('right', '/right', '    needs: [start]\n') +
    `  - id: join\n    action: http.request\n    needs: [left, right]\n    with: { url: "URL/join", method: POST, body: { left: "{{ steps.left.outputs.status }}", right: "{{ steps.right.outputs.body.echo.step }}" } }\n`,
  ));
  await publish('flaky', '{ source: generic, type: flaky }', u(
    http('call', '/fail', '    retry: { attempts: 2, backoff: fixed, delayMs: 0 }\n') +
    `  - id: after\n    action: log\n    needs: [call]\n    with: { message: never }\n`,
  ));
  await publish('not-found', '{ source: generic, type: not-found }', u(
    http('call', '/missing', '    retry: { attempts: 3, backoff: fixed, delayMs: 0 }\n'),
  ));
  await publish('pause', '{ source: generic, type: pause }',
    `  - id: wait\n    action: delay\n    with: { ms: 1500 }\n  - id: after\n    action: log\n    needs: [wait]\n    with: { message: woke }\n`);
  await publish('maybe', '{ source: generic, type: maybe }',
    `  - id: deploy\n    action: log\n    if: "event.payload.deploy = true"\n    with: { message: deploying }\n  - id: always\n    action: log\n    with: { message: hi }\n`);
  await publish('prod-only', '{ source: generic, type: env, filter: "event.payload.env = \'prod\'" }',
    `  - id: note\n    action: log\n    with: { message: prod }\n`);
  workers = await startTestWorkers();
});
afterAll(async () => {
  await api.close();
  await closeAll(workers);
});

const run = async (type: string, payload: object = {}) => waitForEventRun((await postEvent('generic', type, payload)).body.id);
const step = (r: Awaited<ReturnType<typeof run>>, id: string) => r.steps.find((s) => s.id === id)!;

describe('run flow', () => {
  it('fan-in: the join step starts only after both parents finished', async () => {
    const r = await run('fan');
    expect(r.status).toBe('succeeded');
    const [left, right, join] = ['left', 'right', 'join'].map((id) => step(r, id));
    expect(join.startedAt! >= left.finishedAt!).toBe(true);
    expect(join.startedAt! >= right.finishedAt!).toBe(true);
    const order = api.received.map((x) => x.path).filter((p) => ['/left', '/right', '/join'].includes(p));
    expect(order.slice(0, 2).sort()).toEqual(['/left', '/right']);
    expect(order[2]).toBe('/join');
    expect(api.to('/join')).toHaveLength(1); // queued exactly once although both parents settled
    expect(api.to('/join')[0].body).toEqual({ left: 200, right: 'right' });
  });

  it('a 5xx is retried up to attempts, then the run fails and dependants are skipped', async () => {
    const r = await run('flaky');
    expect(r.status).toBe('failed');
    expect(step(r, 'call')).toMatchObject({ status: 'failed', attempts: 2 });
    expect(step(r, 'call').error).toMatch(/answered 500/);
    expect(step(r, 'after').status).toBe('skipped');
    expect(r.error).toMatch(/step "call" failed/);
    expect(api.to('/fail')).toHaveLength(2);
  });

  it('a 4xx is not retried', async () => {
    const r = await run('not-found');
    expect(r.status).toBe('failed');
    expect(step(r, 'call')).toMatchObject({ status: 'failed', attempts: 1 });
    expect(step(r, 'call').error).toMatch(/answered 404/);
    expect(api.to('/missing')).toHaveLength(1);
  });

  it('a delay is a persisted wait (status waiting, wakeAt stored), then succeeds', async () => {
    const sent = await postEvent('generic', 'pause', {});
    const runRow = await waitFor(() => db().run.findFirst({ where: { eventId: sent.body.id } }).then((x) => x ?? undefined));
    const waiting = await waitFor(async () => {
      const s = step(await getRun(runRow.id), 'wait');
      return s.status === 'waiting' && s;
    }, 15_000, 'the delay step to be waiting');
    expect(waiting.wakeAt).not.toBeNull();
    const row = await db().stepRun.findFirstOrThrow({ where: { runId: runRow.id, stepId: 'wait' } });
    expect(row.status).toBe('waiting');
    expect(row.wakeAt?.toISOString()).toBe(waiting.wakeAt);
    expect(step(await getRun(runRow.id), 'after').status).toBe('pending');

    const done = await waitForEventRun(sent.body.id);
    expect(done.status).toBe('succeeded');
    expect(step(done, 'wait')).toMatchObject({ status: 'succeeded', attempts: 1, outputs: { waitedMs: expect.any(Number) } });
    expect(step(done, 'after').status).toBe('succeeded');
  });

  it('an `if` that is false skips the step; true runs it', async () => {
    const no = await run('maybe', { deploy: false });
    expect(no.status).toBe('succeeded');
    expect(step(no, 'deploy').status).toBe('skipped');
    expect(step(no, 'always').status).toBe('succeeded');
    const yes = await run('maybe', { deploy: true });
    expect(step(yes, 'deploy')).toMatchObject({ status: 'succeeded', outputs: { message: 'deploying' } });
  });

  it('a trigger filter that does not match creates no run', async () => {
    const staging = await postEvent('generic', 'env', { env: 'staging' });
    const processed = await waitFor(async () => {
      const e = await getEvent(staging.body.id);
      return e.processedAt !== null && e;
    }, 15_000, 'the event to be processed');
    expect(processed.runs).toEqual([]);
    expect(await db().run.count({ where: { eventId: staging.body.id } })).toBe(0);
    // The same workflow does run for a matching event, so the filter is what stopped it.
    const prod = await run('env', { env: 'prod' });
    expect(prod).toMatchObject({ status: 'succeeded', workflow: { name: 'prod-only' } });
  });
});
