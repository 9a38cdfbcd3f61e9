// Engine depth on real Postgres and Redis: edge conditions, waiting for a later event (persisted,
// including an event that arrived early), timeouts, approvals, and chained events with a depth limit.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { POST as decisionPost } from '@/app/api/runs/[id]/steps/[stepId]/decision/route';
import { db } from '@/server/db/client';
import { admin, closeAll, getRun, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { callRoute } from '../../support/http';

let workers: Workers;
beforeAll(async () => {
  await resetState();
  workers = await startTestWorkers();
});
beforeEach(resetState);
afterAll(() => closeAll(workers));

const wf = (name: string, type: string, steps: string, extra = '') =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${type} }\n${extra}steps:\n${steps}`;

async function runOf(eventId: string, until: (r: Awaited<ReturnType<typeof getRun>>) => boolean, timeoutMs = 15_000) {
  return waitFor(async () => {
    const run = await db().run.findFirst({ where: { eventId } });
    if (!run) return undefined;
    const detail = await getRun(run.id);
    return until(detail) ? detail : undefined;
  }, timeoutMs, `run of event ${eventId}`);
}
const stepOf = (run: Awaited<ReturnType<typeof getRun>>, id: string) => run.steps.find((s) => s.id === id)!;

describe('edge conditions', () => {
  it('a failure edge notifies, success dependants are skipped, always runs; the run is failed', async () => {
    expect((await publishYaml(wf('edges', 'edges', `
  - { id: build, action: http.request, with: { url: "http://127.0.0.1:1/unreachable", retries: { attempts: 0 } } }
  - { id: deploy, action: log, needs: [build], with: { message: deploy } }
  - { id: alert, action: log, needs: [{ step: build, on: failure }], with: { message: "build failed: {{ steps.build.status }}" } }
  - { id: report, action: log, needs: [{ step: deploy, on: always }], with: { message: report } }
`))).status).toBe(201);
    const { body } = await postEvent('generic', 'edges', {});
    const run = await runOf(body.id, (r) => ['failed', 'succeeded'].includes(r.status));
    expect(run.status).toBe('failed');
    expect(Object.fromEntries(run.steps.map((s) => [s.id, s.status]))).toEqual({ build: 'failed', deploy: 'skipped', alert: 'succeeded', report: 'succeeded' });
    expect(stepOf(run, 'alert').outputs).toEqual({ message: 'build failed: failed' });
  });
});

describe('event.wait', () => {
  const waiting = wf('await-build', 'deploy-requested', `
  - { id: wait, action: event.wait, with: { source: generic, type: build-done, match: "candidate.payload.build = event.payload.build", timeoutMs: 20000 } }
  - { id: after, action: log, needs: [wait], with: { message: "build {{ steps.wait.outputs.event.payload.build }} {{ steps.wait.outputs.event.payload.status }}" } }
`);

  it('waits in the database until the matching event arrives; other events do not wake it', async () => {
    await publishYaml(waiting);
    const { body } = await postEvent('generic', 'deploy-requested', { build: 42 });
    let run = await runOf(body.id, (r) => stepOf(r, 'wait').status === 'waiting');
    expect(stepOf(run, 'wait').wait).toMatchObject({ kind: 'event', source: 'generic', type: 'build-done', resolved: false });
    await postEvent('generic', 'build-done', { build: 41, status: 'FAILURE' });
    await new Promise((r) => setTimeout(r, 800));
    expect(stepOf(await getRun(run.id), 'wait').status).toBe('waiting');
    const match = await postEvent('generic', 'build-done', { build: 42, status: 'SUCCESS' });
    run = await runOf(body.id, (r) => r.status === 'succeeded');
    expect(stepOf(run, 'wait').outputs).toMatchObject({ event: { id: match.body.id, payload: { build: 42 } } });
    expect(stepOf(run, 'after').outputs).toEqual({ message: 'build 42 SUCCESS' });
  });

  it('an event that arrived before the step started waiting still counts', async () => {
    await publishYaml(wf('early', 'early', `
  - { id: slow, action: delay, with: { ms: 700 } }
  - { id: wait, action: event.wait, needs: [slow], with: { source: generic, type: early-done, timeoutMs: 20000 } }
`));
    const { body } = await postEvent('generic', 'early', {});
    await postEvent('generic', 'early-done', { fast: true });
    const run = await runOf(body.id, (r) => r.status === 'succeeded');
    expect(stepOf(run, 'wait').outputs).toMatchObject({ event: { payload: { fast: true } } });
  });

  it('fails with a clear error when nothing matches in time', async () => {
    await publishYaml(wf('timeout', 'timeout', `
  - { id: wait, action: event.wait, with: { source: generic, type: never, timeoutMs: 300 } }
`));
    const { body } = await postEvent('generic', 'timeout', {});
    const run = await runOf(body.id, (r) => r.status === 'failed');
    expect(stepOf(run, 'wait').error).toMatch(/timed out after 300 ms waiting for generic\/never/);
  });
});

describe('approval.request', () => {
  const approvalFlow = wf('approve', 'approve', `
  - { id: ask, action: approval.request, with: { message: "Ship it?" } }
  - { id: ship, action: log, needs: [ask], with: { message: "approved by {{ steps.ask.outputs.decisions[0].by }}" } }
`);
  const decide = (runId: string, approve: boolean, reason?: string) =>
    callRoute(decisionPost, `/api/runs/${runId}/steps/ask/decision`, { id: runId, stepId: 'ask' }, { method: 'POST', headers: admin, body: JSON.stringify({ approve, reason }) });

  it('an approval wakes the step and the run continues', async () => {
    await publishYaml(approvalFlow);
    const { body } = await postEvent('generic', 'approve', {});
    const waiting = await runOf(body.id, (r) => stepOf(r, 'ask').status === 'waiting');
    expect(stepOf(waiting, 'ask').wait).toMatchObject({ kind: 'approval', message: 'Ship it?', required: 1 });
    const answer = await decide(waiting.id, true);
    expect(answer.status).toBe(200);
    const run = await runOf(body.id, (r) => r.status === 'succeeded');
    expect(stepOf(run, 'ship').outputs).toEqual({ message: 'approved by admin' });
    expect((await decide(waiting.id, true)).status).toBe(409);
  });

  it('a rejection fails the step with the reason', async () => {
    await publishYaml(approvalFlow);
    const { body } = await postEvent('generic', 'approve', {});
    const waiting = await runOf(body.id, (r) => stepOf(r, 'ask').status === 'waiting');
    await decide(waiting.id, false, 'not on a Friday');
    const run = await runOf(body.id, (r) => r.status === 'failed');
    expect(stepOf(run, 'ask').error).toMatch(/rejected by admin: not on a Friday/);
    expect(stepOf(run, 'ship').status).toBe('skipped');
  });
});

describe('event.emit', () => {
  const railyardWf = (name: string, type: string, steps: string) =>
    `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: railyard, type: ${type} }\nsteps:\n${steps}`;

  it('links the emitted event and the run both ways, and the emitted event starts its workflow', async () => {
    await publishYaml(wf('emitter', 'start-chain', `
  - { id: emit, action: event.emit, with: { type: chain.next, payload: { from: "{{ event.payload.name }}" } } }
`));
    expect((await publishYaml(railyardWf('follower', 'chain.next', `  - { id: got, action: log, with: { message: "from {{ event.payload.from }}" } }\n`))).status).toBe(201);
    const { body } = await postEvent('generic', 'start-chain', { name: 'alpha' });
    const run = await runOf(body.id, (r) => r.status === 'succeeded');
    const emittedId = (stepOf(run, 'emit').outputs as { eventId: string }).eventId;
    expect(run.emittedEvents.map((e) => e.id)).toEqual([emittedId]);
    const emitted = await db().event.findUniqueOrThrow({ where: { id: emittedId } });
    expect(emitted).toMatchObject({ sourceKey: 'railyard', type: 'chain.next', parentRunId: run.id, depth: 1 });
    const follower = await runOf(emittedId, (r) => r.status === 'succeeded');
    expect(stepOf(follower, 'got').outputs).toEqual({ message: 'from alpha' });
  });

  it('stops a loop at the depth limit with a clear error on the run', async () => {
    await publishYaml(wf('loop-start', 'loop', `  - { id: emit, action: event.emit, with: { type: loop } }\n`));
    expect((await publishYaml(railyardWf('loop', 'loop', `  - { id: emit, action: event.emit, with: { type: loop } }\n`))).status).toBe(201);
    await postEvent('generic', 'loop', {});
    const failed = await waitFor(async () => (await db().run.findFirst({ where: { status: 'failed' } })) ?? undefined, 30_000, 'the depth-limited run');
    expect(failed.error).toMatch(/event chain depth limit reached \(10\)/);
    const deepest = await db().event.aggregate({ _max: { depth: true } });
    expect(deepest._max.depth).toBe(10);
    expect(await db().run.count()).toBe(11);
  });
});
