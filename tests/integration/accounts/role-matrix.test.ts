// The role table of issue 4, walked for every API route: anonymous → 401, a role below the
// route's requirement → 403, the required role and above → success. Each allowed call gets its
// own fresh subject (a run to cancel, an approval to decide…), so success is a real success.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleRank, type Role } from '@/engine/auth/roles';
import * as actions from '@/app/api/actions/route';
import * as eventOne from '@/app/api/events/[id]/route';
import * as generic from '@/app/api/events/[id]/[type]/route';
import * as events from '@/app/api/events/route';
import * as registry from '@/app/api/registry/route';
import * as replays from '@/app/api/replays/route';
import * as cancel from '@/app/api/runs/[id]/cancel/route';
import * as rerun from '@/app/api/runs/[id]/rerun/route';
import * as resume from '@/app/api/runs/[id]/resume/route';
import * as runOne from '@/app/api/runs/[id]/route';
import * as decision from '@/app/api/runs/[id]/steps/[stepId]/decision/route';
import * as runs from '@/app/api/runs/route';
import * as secretOne from '@/app/api/secrets/[name]/route';
import * as secrets from '@/app/api/secrets/route';
import * as sourceOne from '@/app/api/sources/[key]/route';
import * as sources from '@/app/api/sources/route';
import * as stream from '@/app/api/stream/route';
import * as workflowOne from '@/app/api/workflows/[name]/route';
import * as workflows from '@/app/api/workflows/route';
import * as approvals from '@/app/api/approvals/route';
import * as audit from '@/app/api/audit/route';
import * as me from '@/app/api/me/route';
import * as tokenOne from '@/app/api/tokens/[id]/route';
import * as tokens from '@/app/api/tokens/route';
import * as userOne from '@/app/api/users/[id]/route';
import * as users from '@/app/api/users/route';
import { db } from '@/server/db/client';
import { closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { callRoute, type Handler } from '../../support/http';
import { createPeople, createPerson, sessionHeaders, type Person } from '../../support/people';

type Subject = { params: Record<string, string>; body?: unknown };
type Case = { name: string; handler: Handler<never>; min: Role; path: (p: Record<string, string>) => string; subject: () => Promise<Subject> };

let workers: Workers;
let people: Record<Role, Person>;
let n = 0;
const uniq = (prefix: string) => `${prefix}-${++n}`;

async function runAt(type: 'hold' | 'ask' | 'boom', status: string) {
  const { body } = await postEvent('generic', type, {});
  return waitFor(async () => (await db().run.findFirst({ where: { eventId: body.id, status } })) ?? undefined, 15_000, `${type} run ${status}`);
}
const waitingApproval = async () => {
  const run = await runAt('ask', 'running');
  await waitFor(async () => (await db().stepRun.findFirst({ where: { runId: run.id, stepId: 'ask', status: 'waiting' } })) ?? undefined);
  return run;
};
const wf = (name: string, type: string, steps: string) => `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${type} }\nsteps:\n${steps}`;
const fixed = (params: Record<string, string> = {}, body?: unknown) => async () => ({ params, body });

const cases: Case[] = [
  { name: 'GET /api/events', handler: events.GET, min: 'viewer', path: () => '/api/events', subject: fixed() },
  { name: 'GET /api/events/{id}', handler: eventOne.GET, min: 'viewer', path: (p) => `/api/events/${p.id}`, subject: async () => ({ params: { id: (await db().event.findFirstOrThrow()).id } }) },
  { name: 'POST /api/events/{source}/{type}', handler: generic.POST, min: 'editor', path: (p) => `/api/events/${p.id}/${p.type}`, subject: fixed({ id: 'generic', type: 'matrix.sent' }, { ok: true }) },
  { name: 'GET /api/runs', handler: runs.GET, min: 'viewer', path: () => '/api/runs', subject: fixed() },
  { name: 'GET /api/runs/{id}', handler: runOne.GET, min: 'viewer', path: (p) => `/api/runs/${p.id}`, subject: async () => ({ params: { id: (await db().run.findFirstOrThrow()).id } }) },
  { name: 'POST /api/runs/{id}/cancel', handler: cancel.POST, min: 'releaser', path: (p) => `/api/runs/${p.id}/cancel`, subject: async () => ({ params: { id: (await runAt('hold', 'running')).id } }) },
  { name: 'POST /api/runs/{id}/rerun', handler: rerun.POST, min: 'editor', path: (p) => `/api/runs/${p.id}/rerun`, subject: async () => ({ params: { id: (await runAt('boom', 'failed')).id } }) },
  { name: 'POST /api/runs/{id}/resume', handler: resume.POST, min: 'editor', path: (p) => `/api/runs/${p.id}/resume`, subject: async () => ({ params: { id: (await runAt('boom', 'failed')).id } }) },
  { name: 'POST /api/runs/{id}/steps/{stepId}/decision', handler: decision.POST, min: 'releaser', path: (p) => `/api/runs/${p.id}/steps/ask/decision`, subject: async () => ({ params: { id: (await waitingApproval()).id, stepId: 'ask' }, body: { approve: true } }) },
  { name: 'POST /api/replays', handler: replays.POST, min: 'editor', path: () => '/api/replays', subject: async () => ({ params: {}, body: { eventId: (await db().event.findFirstOrThrow({ where: { type: 'boom' } })).id, workflow: 'boom' } }) },
  { name: 'GET /api/registry', handler: registry.GET, min: 'viewer', path: () => '/api/registry', subject: fixed() },
  { name: 'GET /api/actions', handler: actions.GET, min: 'viewer', path: () => '/api/actions', subject: fixed() },
  { name: 'GET /api/sources', handler: sources.GET, min: 'viewer', path: () => '/api/sources', subject: fixed() },
  { name: 'POST /api/sources', handler: sources.POST, min: 'editor', path: () => '/api/sources', subject: async () => ({ params: {}, body: { key: uniq('src'), name: 'Matrix', preset: 'generic', auth: { mode: 'token', secret: 'matrix-secret-1' } } }) },
  { name: 'GET /api/sources/{key}', handler: sourceOne.GET, min: 'viewer', path: (p) => `/api/sources/${p.key}`, subject: fixed({ key: 'generic' }) },
  { name: 'PATCH /api/sources/{key}', handler: sourceOne.PATCH, min: 'editor', path: (p) => `/api/sources/${p.key}`, subject: fixed({ key: 'jira' }, { name: 'Jira (matrix)' }) },
  { name: 'GET /api/workflows', handler: workflows.GET, min: 'viewer', path: () => '/api/workflows', subject: fixed() },
  { name: 'POST /api/workflows', handler: workflows.POST, min: 'editor', path: () => '/api/workflows', subject: async () => ({ params: {}, body: wf(uniq('matrix'), 'matrix', '  - { id: a, action: log, with: { message: hi } }\n') }) },
  { name: 'GET /api/workflows/{name}', handler: workflowOne.GET, min: 'viewer', path: (p) => `/api/workflows/${p.name}`, subject: fixed({ name: 'hold' }) },
  { name: 'GET /api/secrets', handler: secrets.GET, min: 'admin', path: () => '/api/secrets', subject: fixed() },
  { name: 'POST /api/secrets', handler: secrets.POST, min: 'admin', path: () => '/api/secrets', subject: async () => ({ params: {}, body: { name: uniq('MATRIX').replace('-', '_'), value: 'v4lue' } }) },
  { name: 'PUT /api/secrets/{name}', handler: secretOne.PUT, min: 'admin', path: (p) => `/api/secrets/${p.name}`, subject: async () => ({ params: { name: uniq('PUT').replace('-', '_') }, body: { value: 'v4lue' } }) },
  { name: 'DELETE /api/secrets/{name}', handler: secretOne.DELETE, min: 'admin', path: (p) => `/api/secrets/${p.name}`, subject: fixed({ name: 'MATRIX_KEEP' }) },
  { name: 'PATCH /api/workflows/{name}', handler: workflowOne.PATCH, min: 'admin', path: (p) => `/api/workflows/${p.name}`, subject: fixed({ name: 'hold' }, { shellAllowed: false }) },
  { name: 'GET /api/me', handler: me.GET, min: 'viewer', path: () => '/api/me', subject: fixed() },
  { name: 'GET /api/audit', handler: audit.GET, min: 'viewer', path: () => '/api/audit', subject: fixed() },
  { name: 'GET /api/approvals', handler: approvals.GET, min: 'viewer', path: () => '/api/approvals', subject: fixed() },
  { name: 'GET /api/users', handler: users.GET, min: 'admin', path: () => '/api/users', subject: fixed() },
  { name: 'POST /api/users', handler: users.POST, min: 'admin', path: () => '/api/users', subject: async () => ({ params: {}, body: { email: `${uniq('new')}@x.test`, name: 'New', role: 'viewer', password: 'a-long-password' } }) },
  { name: 'PATCH /api/users/{id}', handler: userOne.PATCH, min: 'admin', path: (p) => `/api/users/${p.id}`, subject: async () => ({ params: { id: (await createPerson('viewer', uniq('patched'))).id }, body: { role: 'releaser' } }) },
];

beforeAll(async () => {
  await resetState();
  people = await createPeople();
  workers = await startTestWorkers();
  await publishYaml(wf('hold', 'hold', '  - { id: wait, action: delay, with: { ms: 600000 } }\n'));
  await publishYaml(wf('ask', 'ask', '  - { id: ask, action: approval.request, with: { message: "ok?" } }\n'));
  await publishYaml(wf('boom', 'boom', '  - { id: fail, action: http.request, with: { url: "http://127.0.0.1:1/", retries: { attempts: 0 } } }\n'));
  await runAt('boom', 'failed');
}, 60_000);
afterAll(async () => {
  await db().run.updateMany({ where: { status: { in: ['queued', 'running'] } }, data: { status: 'cancelled' } });
  await closeAll(workers);
});

describe.each(cases)('$name', (c) => {
  const call = async (headers: Record<string, string>) => {
    const s = await c.subject();
    const isText = typeof s.body === 'string';
    return callRoute(c.handler, c.path(s.params), s.params as never, {
      method: c.name.split(' ')[0],
      headers: { ...headers, ...(s.body !== undefined && { 'content-type': isText ? 'text/yaml' : 'application/json' }) },
      body: s.body === undefined ? undefined : isText ? (s.body as string) : JSON.stringify(s.body),
    });
  };

  it('anonymous → 401', async () => {
    const res = await call({});
    expect(res.status).toBe(401);
    expect(typeof res.body.error).toBe('string');
  });

  it.each(ROLES)('%s', async (role) => {
    if (c.name === 'DELETE /api/secrets/{name}') await db().secret.upsert({ where: { name: 'MATRIX_KEEP' }, create: { name: 'MATRIX_KEEP', valueEnc: 'x' }, update: {} });
    const res = await call(people[role].headers);
    if (roleRank(role) < roleRank(c.min)) {
      expect(res.status, JSON.stringify(res.body)).toBe(403);
      expect(res.body.error).toMatch(new RegExp(`needs ${c.min}`));
    } else {
      expect(res.status, JSON.stringify(res.body)).toBeGreaterThanOrEqual(200);
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    }
  });
});

// Personal tokens are managed by signed-in people (a session), never by other tokens.
describe('personal tokens (session only)', () => {
  it('anonymous → 401, a token → 403, every role with a session → own tokens', async () => {
    expect((await callRoute(tokens.GET, '/api/tokens')).status).toBe(401);
    expect((await callRoute(tokens.GET, '/api/tokens', {}, { headers: people.admin.headers })).status).toBe(403);
    for (const role of ROLES) {
      const session = await sessionHeaders(people[role]);
      const created = await callRoute(tokens.POST, '/api/tokens', {}, { method: 'POST', headers: { ...session, 'content-type': 'application/json' }, body: JSON.stringify({ name: `cli-${role}` }) });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const list = await callRoute(tokens.GET, '/api/tokens', {}, { headers: session });
      expect(list.body.map((t: { name: string }) => t.name)).toContain(`cli-${role}`);
      const revoked = await callRoute(tokenOne.DELETE, `/api/tokens/${created.body.id}`, { id: created.body.id }, { method: 'DELETE', headers: session });
      expect(revoked.status).toBe(204);
    }
  });
});

describe('GET /api/stream', () => {
  it('anonymous → 401; a viewer gets the event stream', async () => {
    expect((await stream.GET(new Request('http://localhost/api/stream'))).status).toBe(401);
    const abort = new AbortController();
    const res = await stream.GET(new Request('http://localhost/api/stream', { headers: people.viewer.headers, signal: abort.signal }));
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    abort.abort();
    await res.body?.cancel().catch(() => undefined);
  });
});
