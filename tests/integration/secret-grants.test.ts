// Secrets are granted to a workflow by an admin, not merely named: an editor cannot publish a read
// of a secret nobody granted (or any dynamic access to the secrets object), the worker loads only
// granted secrets a step names (a revoked grant fails the next step), and what a step emits or
// waits with is stored redacted. Real Postgres, Redis and worker; requests through the routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as workflowPatch } from '@/app/api/workflows/[name]/route';
import { POST as secretsPost } from '@/app/api/secrets/route';
import { db } from '@/server/db/client';
import { admin, closeAll, getRun, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../support/harness';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';
import { startRecorder, type Recorder } from '../support/recorder';

const VALUE = 'gr4nted-s3cret-value-0042';
let workers: Workers;
let recorder: Recorder;
let people: Record<'viewer' | 'releaser' | 'editor' | 'admin', Person>;

beforeAll(async () => {
  await resetState();
  people = await createPeople();
  workers = await startTestWorkers();
  recorder = await startRecorder();
  const created = await callRoute(secretsPost, '/api/secrets', {}, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'DEPLOY_TOKEN', value: VALUE }) });
  expect(created.status).toBe(201);
});
afterAll(async () => {
  await recorder?.close();
  await closeAll(workers);
});

const wf = (name: string, steps: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${name} }\nsteps:\n${steps}`;
const logStep = (name: string) => wf(name, `  - { id: first, action: log, with: { message: "warm-up" } }\n`);
const patch = (name: string, body: unknown, headers: Record<string, string> = admin) =>
  callRoute(workflowPatch, `/api/workflows/${name}`, { name }, { method: 'PATCH', headers, body: JSON.stringify(body) });
const finished = (eventId: string, timeoutMs = 15_000) =>
  waitFor(async () => {
    const row = await db().run.findFirst({ where: { eventId } });
    const run = row && (await getRun(row.id));
    return run && ['succeeded', 'failed', 'cancelled'].includes(run.status) ? run : undefined;
  }, timeoutMs, 'a finished run');
const storedRun = async (runId: string) => JSON.stringify(await db().stepRun.findMany({ where: { runId } }));

describe('publishing', () => {
  it('refuses an editor version that reads a secret not granted, naming the secret and the step (400)', async () => {
    expect((await publishYaml(logStep('leaky'), people.editor.headers)).status).toBe(201);
    const res = await publishYaml(wf('leaky', `  - { id: exfil, action: log, with: { message: "{{ $join($split(secrets.DEPLOY_TOKEN, ''), ' ') }}" } }\n`), people.editor.headers);
    expect(res.status).toBe(400);
    expect(res.body.error).toContain('step "exfil": with.message: secret "DEPLOY_TOKEN" is not granted to this workflow');
    expect(res.body.error).toContain('PATCH /api/workflows/leaky {"secretGrants": ["DEPLOY_TOKEN"]}');
    expect(await db().workflowVersion.count({ where: { workflow: { name: 'leaky' } } })).toBe(1);
  });

  it.each([
    ['$lookup(secrets, "DEPLOY_TOKEN")'],
    ['secrets["DEPLOY_TOKEN"]'],
    ['$keys(secrets)'],
    ['$string($each(secrets, function($v) { $v }))'],
    ['$spread(secrets)'],
    ['$string(secrets)'],
    ['$$.secrets.DEPLOY_TOKEN'],
  ])('refuses dynamic access %s, even by an admin and with the secret granted (400)', async (expr) => {
    expect((await patch('leaky', { secretGrants: ['DEPLOY_TOKEN'] })).status).toBe(200);
    for (const person of [people.editor, people.admin]) {
      const res = await publishYaml(wf('leaky', `  - { id: dyn, action: log, with: { message: '{{ ${expr} }}' } }\n`), person.headers);
      expect(res.status).toBe(400);
      expect(res.body.error).toContain('step "dyn": with.message:');
      expect(res.body.error).toContain('reads secrets dynamically: only secrets.NAME with a literal NAME may be used');
    }
    expect((await patch('leaky', { secretGrants: [] })).status).toBe(200);
  });
});

describe('granting', () => {
  it('needs the admin role: editors and releasers get 403, a bad name 400, and the grant is audited', async () => {
    for (const person of [people.editor, people.releaser, people.viewer]) {
      expect((await patch('leaky', { secretGrants: ['DEPLOY_TOKEN'] }, person.headers)).status).toBe(403);
    }
    expect((await db().workflow.findUniqueOrThrow({ where: { name: 'leaky' } })).secretGrants).toEqual([]);
    expect((await patch('leaky', { secretGrants: ['lower-case'] })).status).toBe(400);
    expect((await patch('leaky', {})).status).toBe(400);
    expect((await patch('nope', { secretGrants: ['DEPLOY_TOKEN'] })).status).toBe(404);
    const granted = await patch('leaky', { secretGrants: ['DEPLOY_TOKEN', 'DEPLOY_TOKEN'] }, people.admin.headers);
    expect(granted.body).toEqual({ name: 'leaky', shellAllowed: false, secretGrants: ['DEPLOY_TOKEN'] });
    const audit = await db().auditEntry.findFirst({ where: { action: 'workflow.options', subjectId: 'leaky' }, orderBy: { at: 'desc' } });
    expect(audit).toMatchObject({ before: { secretGrants: [] }, after: { secretGrants: ['DEPLOY_TOKEN'] } });
  });

  it('lets an editor publish and run a granted secret; stored values are redacted', async () => {
    const steps = `  - { id: call, action: http.request, with: { url: "${recorder.url}/deploy", method: POST, headers: { authorization: "Bearer {{ secrets.DEPLOY_TOKEN }}" } } }\n`;
    expect((await publishYaml(wf('leaky', steps), people.editor.headers)).status).toBe(201);
    const run = await finished((await postEvent('generic', 'leaky', {})).body.id);
    expect(run.status).toBe('succeeded');
    expect(recorder.to('/deploy')[0].headers.authorization).toBe(`Bearer ${VALUE}`);
    expect(await storedRun(run.id)).not.toContain(VALUE);
  });

  it('an admin publishing a version grants what it reads, with an audit entry', async () => {
    const res = await publishYaml(wf('admin-made', `  - { id: say, action: log, with: { message: "{{ secrets.DEPLOY_TOKEN }}" } }\n`), people.admin.headers);
    expect(res.status).toBe(201);
    expect((await db().workflow.findUniqueOrThrow({ where: { name: 'admin-made' } })).secretGrants).toEqual(['DEPLOY_TOKEN']);
    expect(await db().auditEntry.count({ where: { action: 'workflow.options', subjectId: 'admin-made' } })).toBe(1);
  });
});

describe('at run time', () => {
  it('fails the next step once the grant is revoked, naming the missing grant', async () => {
    const steps = `  - { id: hold, action: event.wait, with: { source: generic, type: revoked.go, timeoutMs: 20000 } }
  - { id: use, action: log, needs: [hold], with: { message: "token {{ secrets.DEPLOY_TOKEN }}" } }\n`;
    expect((await publishYaml(wf('revoked', steps), people.admin.headers)).status).toBe(201);
    const eventId = (await postEvent('generic', 'revoked', {})).body.id;
    await waitFor(async () => (await db().stepRun.findFirst({ where: { stepId: 'hold', run: { eventId } } }))?.status === 'waiting', 15_000, 'hold waiting');
    expect((await patch('revoked', { secretGrants: [] })).status).toBe(200);
    expect((await postEvent('generic', 'revoked.go', {})).status).toBe(202);
    const run = await finished(eventId);
    expect(run.status).toBe('failed');
    const use = run.steps.find((s) => s.id === 'use')!;
    expect(use.status).toBe('failed');
    expect(use.error).toContain('step "use" reads secret "DEPLOY_TOKEN", which is not granted to workflow "revoked"');
    expect(await storedRun(run.id)).not.toContain(VALUE);
  });
});

describe('redaction of what a step stores', () => {
  it('stores an event.emit payload with the secret redacted (payload and body)', async () => {
    const steps = `  - { id: emit, action: event.emit, with: { type: secret.emitted, payload: { token: "{{ secrets.DEPLOY_TOKEN }}", b64: "{{ $base64encode(secrets.DEPLOY_TOKEN) }}" } } }\n`;
    expect((await publishYaml(wf('emitter', steps), people.admin.headers)).status).toBe(201);
    const run = await finished((await postEvent('generic', 'emitter', {})).body.id);
    expect(run.status).toBe('succeeded');
    const emitted = await db().event.findFirstOrThrow({ where: { type: 'secret.emitted' } });
    expect(emitted.payload).toEqual({ token: '***', b64: '***' });
    expect(JSON.stringify(emitted)).not.toContain(VALUE);
    expect(JSON.stringify(emitted)).not.toContain(Buffer.from(VALUE).toString('base64'));
  });

  it('stores wait state (StepRun.waitFor) with resolved secrets redacted', async () => {
    const steps = `  - { id: ask, action: approval.request, with: { message: "Deploy with {{ secrets.DEPLOY_TOKEN }}?", approvers: [admin] } }\n`;
    expect((await publishYaml(wf('asker', steps), people.admin.headers)).status).toBe(201);
    const eventId = (await postEvent('generic', 'asker', {})).body.id;
    const waiting = await waitFor(async () => {
      const s = await db().stepRun.findFirst({ where: { stepId: 'ask', run: { eventId } } });
      return s?.status === 'waiting' ? s : undefined;
    }, 15_000, 'ask waiting');
    expect(waiting.waitFor).toMatchObject({ kind: 'approval', message: 'Deploy with ***?' });
    expect(await storedRun(waiting.runId)).not.toContain(VALUE);
  });
});
