// Concurrency keys across two worker sets, run operations (cancel, re-run, resume, replay) and
// secrets used by a step (resolved in the worker, redacted everywhere they are stored or shown).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as cancelPost } from '@/app/api/runs/[id]/cancel/route';
import { POST as rerunPost } from '@/app/api/runs/[id]/rerun/route';
import { POST as resumePost } from '@/app/api/runs/[id]/resume/route';
import { POST as replayPost } from '@/app/api/replays/route';
import { POST as secretsPost } from '@/app/api/secrets/route';
import { db } from '@/server/db/client';
import { admin, closeAll, getRun, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { callRoute } from '../../support/http';
import { startRecorder, type Recorder } from '../../support/recorder';

let workers: Workers[] = [];
let recorder: Recorder;
beforeAll(async () => {
  await resetState();
  // Two independent worker sets: concurrency must hold across processes, not by luck of one.
  workers = [await startTestWorkers(), await startTestWorkers()];
  recorder = await startRecorder();
});
beforeEach(async () => {
  await resetState();
  recorder.received.length = 0;
});
afterAll(async () => {
  await recorder.close();
  await workers[1]?.stop();
  await closeAll(workers[0]);
});

const wf = (name: string, steps: string, extra = '') =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${name} }\n${extra}steps:\n${steps}`;
const op = (handler: typeof cancelPost, path: string, id: string) => callRoute(handler, path, { id }, { method: 'POST', headers: admin });
const runsOf = (eventIds: string[]) => db().run.findMany({ where: { eventId: { in: eventIds } }, orderBy: { number: 'asc' }, include: { steps: true } });
const allFinished = (runs: { status: string }[], n: number) => runs.length === n && runs.every((r) => ['succeeded', 'failed', 'cancelled'].includes(r.status));

async function postMany(type: string, n: number, payload: object) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await postEvent('generic', type, { ...payload, i })).body.id);
  return ids;
}

describe('concurrency', () => {
  const steps = `  - { id: hold, action: delay, with: { ms: 400 } }\n  - { id: done, action: log, needs: [hold], with: { message: ok } }\n`;

  it('queue: runs with the same key never overlap, and all of them run', async () => {
    await publishYaml(wf('queued', steps, 'concurrency: { key: "{{ event.payload.env }}", onConflict: queue }\n'));
    const ids = await postMany('queued', 3, { env: 'prod' });
    const runs = await waitFor(async () => ((r) => (allFinished(r, 3) ? r : undefined))(await runsOf(ids)), 30_000, 'three queued runs');
    expect(runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const spans = runs.map((r) => [Math.min(...r.steps.map((s) => s.startedAt!.getTime())), r.finishedAt!.getTime()]).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBeGreaterThanOrEqual(spans[i - 1][1]);
  });

  it('skip: a run whose key is busy is recorded as skipped, not run', async () => {
    await publishYaml(wf('skipping', steps, 'concurrency: { key: "{{ event.payload.env }}", onConflict: skip }\n'));
    const ids = await postMany('skipping', 2, { env: 'prod' });
    const runs = await waitFor(async () => ((r) => (allFinished(r, 2) ? r : undefined))(await runsOf(ids)), 20_000, 'two runs');
    expect(runs.map((r) => r.status).sort()).toEqual(['cancelled', 'succeeded']);
    expect(runs.find((r) => r.status === 'cancelled')!.error).toMatch(/skipped: run #\d+ with concurrency key "prod" is still active/);
  });

  it('cancel-running: the newer run cancels the older one; different keys do not interfere', async () => {
    await publishYaml(wf('newest', `  - { id: hold, action: delay, with: { ms: 1500 } }\n`, 'concurrency: { key: "{{ event.payload.env }}", onConflict: cancel-running }\n'));
    const [first] = await postMany('newest', 1, { env: 'prod' });
    await waitFor(async () => (await runsOf([first]))[0]?.steps[0]?.status === 'waiting', 10_000, 'first run waiting');
    const [second] = await postMany('newest', 1, { env: 'prod' });
    const [other] = await postMany('newest', 1, { env: 'staging' });
    const runs = await waitFor(async () => ((r) => (allFinished(r, 3) ? r : undefined))(await runsOf([first, second, other])), 20_000, 'runs');
    expect(runs.map((r) => r.status)).toEqual(['cancelled', 'succeeded', 'succeeded']);
    expect(runs[0].error).toMatch(/a newer run with concurrency key "prod" started/);
  });
});

describe('run operations', () => {
  it('cancel stops a waiting run; re-run starts the same version again', async () => {
    await publishYaml(wf('long', `  - { id: hold, action: delay, with: { ms: 60000 } }\n  - { id: after, action: log, needs: [hold], with: { message: x } }\n`));
    const { body } = await postEvent('generic', 'long', {});
    const run = await waitFor(async () => (await runsOf([body.id]))[0]?.steps.find((s) => s.stepId === 'hold')?.status === 'waiting' && (await runsOf([body.id]))[0], 10_000);
    expect((await op(cancelPost, `/api/runs/${run.id}/cancel`, run.id)).status).toBe(200);
    const cancelled = await getRun(run.id);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.steps.map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    expect((await op(cancelPost, `/api/runs/${run.id}/cancel`, run.id)).status).toBe(409);
    const rerun = await op(rerunPost, `/api/runs/${run.id}/rerun`, run.id);
    expect(rerun.status).toBe(201);
    expect(await getRun(rerun.body.id)).toMatchObject({ reason: 'rerun', previousRunId: run.id, event: { id: body.id } });
    await op(cancelPost, `/api/runs/${rerun.body.id}/cancel`, rerun.body.id);
  });

  it('resume keeps succeeded steps (not run again) and retries the failed one with the same inputs', async () => {
    recorder.answer('/flaky', 500);
    await publishYaml(wf('resumable', `
  - { id: first, action: http.request, with: { url: "${recorder.url}/first", method: POST, body: { n: 1 } } }
  - { id: flaky, action: http.request, needs: [first], with: { url: "${recorder.url}/flaky", method: POST, body: { from: "{{ steps.first.outputs.status }}" }, retries: { attempts: 0 } } }
`));
    const { body } = await postEvent('generic', 'resumable', {});
    const failed = await waitFor(async () => ((r) => (r?.status === 'failed' ? r : undefined))((await runsOf([body.id]))[0]), 15_000);
    recorder.answer('/flaky', 200);
    const resumed = await op(resumePost, `/api/runs/${failed.id}/resume`, failed.id);
    expect(resumed.status).toBe(201);
    const run = await waitFor(async () => ((r) => (r.status === 'succeeded' ? r : undefined))(await getRun(resumed.body.id)), 15_000);
    expect(run).toMatchObject({ reason: 'resume', previousRunId: failed.id });
    expect(recorder.to('/first')).toHaveLength(1);
    const flaky = recorder.to('/flaky');
    expect(flaky).toHaveLength(2);
    expect(flaky[1].body).toEqual(flaky[0].body);
    expect((await op(resumePost, `/api/runs/${run.id}/resume`, run.id)).status).toBe(409);
  });

  it('a resumed single path that starts two steps at once gives the later ones fresh states of the other', async () => {
    // `b` runs whatever `a` did; resuming carries `b` over, so `a` and `c` are both ready at once.
    // `c` is slow: `a` has finished when `c` claims `d`, and `d` must see that, not what `c`'s
    // own claim read (a queued or running `a`).
    recorder.answer('/a', 500);
    recorder.answer('/c', 500);
    expect((await publishYaml(wf('resume-two', `
  - { id: a, action: http.request, with: { url: "${recorder.url}/a", method: POST, retries: { attempts: 0 } } }
  - { id: b, action: log, needs: [{ step: a, on: always }], with: { message: b } }
  - { id: c, action: http.request, needs: [b], with: { url: "${recorder.url}/c", method: POST, retries: { attempts: 0 } } }
  - { id: d, action: log, needs: [c], with: { message: "a is {{ steps.a.status }}" } }
`))).status).toBe(201);
    const { body } = await postEvent('generic', 'resume-two', {});
    const failed = await waitFor(async () => ((r) => (r?.status === 'failed' ? r : undefined))((await runsOf([body.id]))[0]), 15_000);
    expect(Object.fromEntries(failed.steps.map((st) => [st.stepId, st.status]))).toEqual({ a: 'failed', b: 'succeeded', c: 'failed', d: 'skipped' });
    recorder.answer('/a', 200);
    recorder.answer('/c', 200);
    recorder.delay('/a', 500); // still running when `c` is claimed, finished before `c` ends
    recorder.delay('/c', 1500);
    const resumed = await op(resumePost, `/api/runs/${failed.id}/resume`, failed.id);
    expect(resumed.status).toBe(201);
    const run = await waitFor(async () => ((r) => (r.status === 'succeeded' ? r : undefined))(await getRun(resumed.body.id)), 20_000);
    expect(run.steps.find((st: { id: string }) => st.id === 'd')?.outputs).toEqual({ message: 'a is succeeded' });
    recorder.delay('/a', 0);
    recorder.delay('/c', 0);
  });

  it('replays a stored event against a chosen older version', async () => {
    await publishYaml(wf('versions', `  - { id: say, action: log, with: { message: v1 } }\n`));
    const { body } = await postEvent('generic', 'versions', {});
    await waitFor(async () => (await runsOf([body.id]))[0]?.status === 'succeeded', 10_000);
    await publishYaml(wf('versions', `  - { id: say, action: log, with: { message: v2 } }\n`));
    const replay = await callRoute(replayPost, '/api/replays', {}, { method: 'POST', headers: admin, body: JSON.stringify({ eventId: body.id, workflow: 'versions', version: 1 }) });
    expect(replay.status).toBe(201);
    const run = await waitFor(async () => ((r) => (r.status === 'succeeded' ? r : undefined))(await getRun(replay.body.runIds[0])), 10_000);
    expect(run).toMatchObject({ reason: 'replay', workflow: { name: 'versions', version: 1 } });
    expect(run.steps[0].outputs).toEqual({ message: 'v1' });
    const current = await callRoute(replayPost, '/api/replays', {}, { method: 'POST', headers: admin, body: JSON.stringify({ eventId: body.id }) });
    const latest = await waitFor(async () => ((r) => (r.status === 'succeeded' ? r : undefined))(await getRun(current.body.runIds[0])), 10_000);
    expect(latest.steps[0].outputs).toEqual({ message: 'v2' });
  });
});

describe('secrets', () => {
  it('are resolved in the worker and redacted in stored inputs, outputs, logs and the API', async () => {
    const value = 's3cr3t-deploy-token-value';
    const created = await callRoute(secretsPost, '/api/secrets', {}, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'DEPLOY_TOKEN', value }) });
    expect(created.status).toBe(201);
    await publishYaml(wf('secretive', `
  - { id: call, action: http.request, with: { url: "${recorder.url}/deploy", method: POST, headers: { authorization: "Bearer {{ secrets.DEPLOY_TOKEN }}" }, body: { token: "{{ secrets.DEPLOY_TOKEN }}" } } }
  - { id: say, action: log, needs: [call], with: { message: "used {{ secrets.DEPLOY_TOKEN }}" } }
`));
    const { body } = await postEvent('generic', 'secretive', {});
    const run = await waitFor(async () => ((r) => (r?.status === 'succeeded' ? r : undefined))((await runsOf([body.id]))[0]), 15_000);
    expect(recorder.to('/deploy')[0].headers.authorization).toBe(`Bearer ${value}`);
    const detail = await getRun(run.id);
    expect(JSON.stringify(detail)).not.toContain(value);
    expect(JSON.stringify(await db().stepRun.findMany({ where: { runId: run.id } }))).not.toContain(value);
    expect(detail.steps[1].outputs).toEqual({ message: 'used ***' });
  });
});
