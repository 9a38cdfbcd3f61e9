// The audit trail on real Postgres: every change made through the API writes one entry (who, what,
// subject, before → after) with no secret value anywhere, GET /api/audit filters and pages it, and
// the database itself refuses to change or delete an entry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditRoute from '@/app/api/audit/route';
import { POST as cancelPost } from '@/app/api/runs/[id]/cancel/route';
import { POST as rerunPost } from '@/app/api/runs/[id]/rerun/route';
import { POST as resumePost } from '@/app/api/runs/[id]/resume/route';
import { POST as replayPost } from '@/app/api/replays/route';
import { DELETE as secretDelete } from '@/app/api/secrets/[name]/route';
import { POST as secretsPost } from '@/app/api/secrets/route';
import { PATCH as sourcePatch } from '@/app/api/sources/[key]/route';
import { POST as sourcesPost } from '@/app/api/sources/route';
import type { AuditEntryDto } from '@/engine/dto/audit';
import { sha256 } from '@/server/crypto';
import { db } from '@/server/db/client';
import { closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { callRoute, type Handler } from '../../support/http';
import { createPerson, type Person } from '../../support/people';

let workers: Workers;
let erin: Person; // editor: workflows, sources, runs
let ada: Person; // admin: secrets
let vic: Person; // viewer: reads the trail
const SECRETS = ['audit-source-secret-1', 'audit-source-secret-2', 'the-deploy-key-value'];

beforeAll(async () => {
  await resetState();
  workers = await startTestWorkers();
  [erin, ada, vic] = [await createPerson('editor', 'erin'), await createPerson('admin', 'ada'), await createPerson('viewer', 'vic')];
});
afterAll(() => closeAll(workers));

const post = <P,>(handler: Handler<P>, path: string, params: P, who: Person, body: object = {}) =>
  callRoute(handler, path, params, { method: 'POST', headers: who.headers, body });
const audit = async (query = '', who: Person = vic) => {
  const res = await callRoute(auditRoute.GET, `/api/audit${query}`, {}, { headers: who.headers });
  expect(res.status).toBe(200);
  return res.body as AuditEntryDto[];
};
const wf = (message: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: audited\ntrigger: { source: generic, type: audited }\nsteps:\n  - { id: ask, action: approval.request, with: { message: "${message}" } }\n`;

describe('audit entries', () => {
  it('workflow publish: v1 has no before, v2 carries the previous version and definition', async () => {
    expect((await publishYaml(wf('first'), erin.headers)).status).toBe(201);
    expect((await publishYaml(wf('second'), erin.headers)).status).toBeLessThan(300);
    const [v2, v1] = await audit('?action=workflow.publish&subjectId=audited');
    expect(v1).toMatchObject({ actor: { kind: 'user', name: 'erin' }, subjectType: 'workflow', before: null, after: { version: 1 } });
    expect(v2).toMatchObject({ before: { version: 1, definition: { steps: [{ with: { message: 'first' } }] } }, after: { version: 2, definition: { steps: [{ with: { message: 'second' } }] } } });
  });

  it('source create and rotation record names and a rotation marker, never the secret', async () => {
    const created = await post(sourcesPost, '/api/sources', {}, erin, { key: 'audited-src', name: 'A', preset: 'generic', auth: { mode: 'token', secret: SECRETS[0] } });
    expect(created.status).toBe(201);
    const patched = await callRoute(sourcePatch, '/api/sources/audited-src', { key: 'audited-src' }, { method: 'PATCH', headers: erin.headers, body: { name: 'B', auth: { mode: 'token', secret: SECRETS[1], graceHours: 2 } } });
    expect(patched.status).toBe(200);
    const [update, create] = await audit('?subjectType=source&subjectId=audited-src');
    expect(create).toMatchObject({ action: 'source.create', after: { name: 'A', authMode: 'token', secretSet: true } });
    expect(update).toMatchObject({ action: 'source.update', before: { name: 'A' }, after: { name: 'B', secretRotated: true, previousValidUntil: expect.any(String) } });
  });

  it('secret set and delete record the name only', async () => {
    expect((await post(secretsPost, '/api/secrets', {}, ada, { name: 'DEPLOY_KEY', value: SECRETS[2] })).status).toBe(201);
    expect((await callRoute(secretDelete, '/api/secrets/DEPLOY_KEY', { name: 'DEPLOY_KEY' }, { method: 'DELETE', headers: ada.headers })).status).toBe(204);
    const [del, set] = await audit('?action=secret.');
    expect(set).toMatchObject({ action: 'secret.set', actor: { name: 'ada' }, subjectId: 'DEPLOY_KEY', after: { name: 'DEPLOY_KEY', replaced: false } });
    expect(del).toMatchObject({ action: 'secret.delete', subjectId: 'DEPLOY_KEY', before: { name: 'DEPLOY_KEY' } });
  });

  it('run cancel, resume, re-run and replay are each recorded against their subject', async () => {
    const { body: event } = await postEvent('generic', 'audited', {});
    const run = await waitFor(async () => (await db().stepRun.findFirst({ where: { stepId: 'ask', status: 'waiting', run: { eventId: event.id } } })) ?? undefined);
    expect((await post(cancelPost, `/api/runs/${run.runId}/cancel`, { id: run.runId }, erin)).status).toBe(200);
    const resumed = await post(resumePost, `/api/runs/${run.runId}/resume`, { id: run.runId }, erin);
    const rerun = await post(rerunPost, `/api/runs/${run.runId}/rerun`, { id: run.runId }, erin);
    const replay = await post(replayPost, '/api/replays', {}, erin, { eventId: event.id, workflow: 'audited' });
    expect([resumed.status, rerun.status, replay.status]).toEqual([201, 201, 201]);

    const onRun = await audit(`?subjectType=run&subjectId=${run.runId}`);
    expect(onRun.map((e) => e.action)).toEqual(['run.rerun', 'run.resume', 'run.cancel']);
    expect(onRun[2]).toMatchObject({ before: { status: 'running' }, after: { status: 'cancelled' } });
    expect(onRun[1].after).toEqual({ runId: resumed.body.id });
    const [replayed] = await audit(`?action=event.replay&subjectId=${event.id}`);
    expect(replayed).toMatchObject({ subjectType: 'event', actor: { name: 'erin' }, after: { workflow: 'audited', runIds: replay.body.runIds } });
    expect((await db().run.findUniqueOrThrow({ where: { id: replay.body.runIds[0] } })).startedBy).toBe(erin.id);
  });

  it('no secret value, token or hash is stored anywhere in the table', async () => {
    const everything = JSON.stringify(await db().auditEntry.findMany());
    for (const s of [...SECRETS, erin.token, ada.token]) {
      expect(everything).not.toContain(s);
      expect(everything).not.toContain(sha256(s));
    }
    expect(everything).not.toMatch(/secretHash|secretEnc|valueEnc|passwordHash/);
  });
});

describe('GET /api/audit', () => {
  it('filters by actor, action family and time range, newest first, and pages with before', async () => {
    const all = await audit('?limit=200');
    const times = all.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect((await audit('?actor=ADA')).every((e) => e.actor.name === 'ada')).toBe(true);
    expect((await audit(`?actor=${erin.id}`)).every((e) => e.actor.name === 'erin')).toBe(true);
    expect((await audit('?action=run.')).map((e) => e.action).sort()).toEqual(['run.cancel', 'run.rerun', 'run.resume']);
    expect(await audit(`?to=${encodeURIComponent(new Date(Date.parse(all.at(-1)!.at) - 1).toISOString())}`)).toEqual([]);
    expect(await audit(`?from=${encodeURIComponent(all[0].at)}`)).toContainEqual(all[0]);

    const first = await audit('?limit=2');
    const second = await audit(`?limit=2&before=${first[1].id}`);
    expect([...first, ...second].map((e) => e.id)).toEqual(all.slice(0, 4).map((e) => e.id));
  });

  it('names a bad filter (400) and refuses anonymous callers (401)', async () => {
    const bad = await callRoute(auditRoute.GET, '/api/audit?from=yesterday', {}, { headers: vic.headers });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/from/);
    expect((await callRoute(auditRoute.GET, '/api/audit')).status).toBe(401);
  });
});

describe('entries cannot be changed', () => {
  it('the API has no write method for the audit trail', () => {
    expect(Object.keys(auditRoute)).toEqual(['GET']);
  });

  it('the database refuses UPDATE and DELETE, even in raw SQL', async () => {
    const before = await db().auditEntry.count();
    // The app role has no UPDATE/DELETE grant (permission denied); an owner still meets the trigger.
    await expect(db().$executeRawUnsafe(`UPDATE "AuditEntry" SET "actorName" = 'mallory'`)).rejects.toThrow(/cannot be changed or deleted|permission denied/);
    await expect(db().$executeRawUnsafe(`DELETE FROM "AuditEntry"`)).rejects.toThrow(/cannot be changed or deleted|permission denied/);
    await expect(db().auditEntry.deleteMany({})).rejects.toThrow();
    expect(await db().auditEntry.count()).toBe(before);
    expect(await db().auditEntry.count({ where: { actorName: 'mallory' } })).toBe(0);
  });
});
