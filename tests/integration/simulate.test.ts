// The event simulator through the real route: what the live workflows would do for an event that
// is never sent. It writes nothing (no event, run, step or audit row, no queue job) and calls
// nothing (a local server a step would call receives nothing, while a real delivery of the same
// event does reach it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as simulatePost } from '@/app/api/simulate/route';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { QUEUES } from '@/server/queue/jobs';
import { Queue } from 'bullmq';
import { closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers } from '../support/harness';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';
import { startRecorder, type Recorder } from '../support/recorder';

let people: Record<string, Person>;
let workers: Workers;
let api: Recorder;
const queues: Queue[] = [];

const release = (url: string) => `apiVersion: railyard/v1
kind: Workflow
name: release-web
description: Tags and announces a release of the web shop.
trigger: { source: generic, type: build.finished, filter: 'event.payload.status = "SUCCESS"' }
steps:
  - id: remember
    action: vars.set
    with: { values: { service: "{{ event.payload.service }}-svc" } }
  - id: version
    action: version.next
    needs: [remember]
    with: { repo: "{{ event.payload.repo }}", bump: minor }
  - id: notify
    action: http.request
    needs: [version]
    with:
      url: ${url}/deploys
      method: POST
      headers: { authorization: "Bearer {{ secrets.DEPLOY_TOKEN }}" }
      body: { service: "{{ vars.service }}", version: "{{ steps.version.outputs.version }}" }
  - id: hotfix-only
    action: log
    needs: [remember]
    if: event.payload.branch = "hotfix"
    with: { message: hotfix }
  - id: on-failure
    action: log
    needs: [{ step: notify, on: failure }]
    with: { message: "deploy of {{ vars.service }} failed" }
`;
const ping = (url: string) => `apiVersion: railyard/v1
kind: Workflow
name: ping
trigger: { source: generic, type: build.finished }
steps:
  - { id: call, action: http.request, with: { url: "${url}/ping", method: POST, body: { n: "{{ event.payload.n }}" } } }
`;

beforeAll(async () => {
  await resetState();
  people = await createPeople();
  api = await startRecorder();
  await db().secret.create({ data: { name: 'DEPLOY_TOKEN', valueEnc: 'never-decrypted-by-a-simulation' } });
  await db().workflow.create({ data: { name: 'release-web', secretGrants: ['DEPLOY_TOKEN'] } });
  expect((await publishYaml(release(api.url))).status).toBe(201);
  expect((await publishYaml(ping(api.url))).status).toBe(201);
  for (const name of Object.values(QUEUES)) queues.push(new Queue(name, { connection: sharedRedis() }));
  workers = await startTestWorkers();
});
afterAll(async () => {
  await Promise.all(queues.map((q) => q.close()));
  await api.close();
  await closeAll(workers);
});

const simulate = (body: unknown, who: Person | null = people.viewer) =>
  callRoute(simulatePost, '/api/simulate', {}, { method: 'POST', headers: who ? who.headers : {}, body: body as object });
const counts = async () => ({
  events: await db().event.count(),
  runs: await db().run.count(),
  steps: await db().stepRun.count(),
  audit: await db().auditEntry.count(),
  jobs: await Promise.all(queues.map((q) => q.getJobCounts())),
});
const payload = { status: 'SUCCESS', service: 'web', repo: 'shop/web', branch: 'main', n: 7 };

describe('POST /api/simulate', () => {
  it('writes nothing, enqueues nothing and calls nothing', async () => {
    const before = await counts();
    const r = await simulate({ source: 'generic', type: 'build.finished', payload, headers: { Authorization: 'Bearer abc', 'X-Trace': 't1' } });
    expect(r.status).toBe(200);
    expect(r.body.workflows.map((w: { name: string; matched: boolean }) => [w.name, w.matched])).toEqual([['ping', true], ['release-web', true]]);
    expect(await counts()).toEqual(before);

    // The same event delivered for real reaches the recorder once (ping), proving the set-up would catch a call.
    const sent = await postEvent('generic', 'build.finished', { ...payload, status: 'FAILURE' });
    expect((await waitForEventRun(sent.body.id)).status).toBe('succeeded');
    expect(api.received.map((c) => [c.path, c.body])).toEqual([['/ping', { n: 7 }]]);
  });

  it('shows the filter, if conditions, failure-only steps, secrets and step-output references', async () => {
    const r = await simulate({ source: 'generic', type: 'build.finished', payload });
    const wf = r.body.workflows.find((w: { name: string }) => w.name === 'release-web');
    expect(wf).toMatchObject({ version: 1, matched: true, filter: { expression: 'event.payload.status = "SUCCESS"', result: true } });
    const step = (id: string) => wf.steps.find((s: { id: string }) => s.id === id);
    expect(step('version')).toMatchObject({ wouldRun: true, params: { repo: 'shop/web', bump: 'minor' } });
    expect(step('notify')).toMatchObject({
      wouldRun: true,
      params: { url: `${api.url}/deploys`, headers: { authorization: 'Bearer «secret DEPLOY_TOKEN»' }, body: { service: 'web-svc', version: '«steps.version.outputs.version»' } },
    });
    expect(step('hotfix-only')).toMatchObject({ wouldRun: false, reason: 'its condition is false', condition: { expression: 'event.payload.branch = "hotfix"', result: false } });
    expect(step('on-failure')).toMatchObject({ wouldRun: false, reason: expect.stringContaining('runs only if step "notify" fails'), params: { message: 'deploy of web-svc failed' } });
    expect(JSON.stringify(r.body)).not.toContain('never-decrypted');

    const failed = await simulate({ source: 'generic', type: 'build.finished', payloadText: JSON.stringify({ ...payload, status: 'FAILURE' }) });
    const off = failed.body.workflows.find((w: { name: string }) => w.name === 'release-web');
    expect(off).toMatchObject({ matched: false, reason: 'its filter is false', filter: { result: false } });
  });

  it('simulates a sent workflow in place of the live version, before it is published', async () => {
    const draft = release(api.url).replace('event.payload.status = "SUCCESS"', 'event.payload.branch = "main"');
    const r = await simulate({ source: 'generic', type: 'build.finished', payload: { ...payload, status: 'FAILURE' }, workflow: draft }, people.editor);
    expect(r.status).toBe(200);
    const wf = r.body.workflows.find((w: { name: string }) => w.name === 'release-web');
    expect(wf).toMatchObject({ version: null, draft: true, matched: true, filter: { expression: 'event.payload.branch = "main"', result: true } });
    expect(await db().workflowVersion.count({ where: { workflow: { name: 'release-web' } } })).toBe(1);
  });

  it('refuses bad input with a 4xx naming it', async () => {
    const unknown = await simulate({ source: 'nope', type: 'x', payload: {} });
    expect(unknown).toMatchObject({ status: 404, body: { error: 'source "nope" not found' } });
    const badType = await simulate({ source: 'generic', type: 'bad type/', payload: {} });
    expect(badType.status).toBe(400);
    expect(badType.body.error).toMatch(/invalid event type "bad type\/"/);
    const notJson = await simulate({ source: 'generic', type: 'x', payloadText: '{"a": ' });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toMatch(/^the payload is not JSON/);
    const big = await simulate({ source: 'generic', type: 'x', payloadText: JSON.stringify({ s: 'x'.repeat(1024 * 1024 + 10) }) });
    expect(big.status).toBe(413);
    expect(big.body.error).toMatch(/the payload is \d+ bytes; the intake accepts at most/);
    const badWorkflow = await simulate({ source: 'generic', type: 'x', payload: {}, workflow: 'kind: Workflow' });
    expect(badWorkflow.status).toBe(400);
    expect(badWorkflow.body.error).toMatch(/^workflow is invalid/);
    expect((await simulate({ source: 'generic', type: 'x', payload: {} }, null)).status).toBe(401);
  });
});
