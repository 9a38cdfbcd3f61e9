// The role matrix: one entry per (method, route) of app/api, keyed as tests/support/api-routes.ts
// names them. role-matrix.test.ts fails when a route has no entry here or an entry has no route.
//
// Adding a route: add `'<METHOD> /api/<folders as on disk>': { access, subject }`, e.g.
//   'POST /api/runs/[id]/pause': { access: 'role', min: 'releaser', subject: async () => ({ params: { id: … } }) },
// access: 'role' (the least role; tokens and sessions alike), 'session' (signed-in people only:
// every token gets 403), 'public' (no credential: say why, and the status it answers), or
// 'next-only' (runs only inside a real Next server: name the e2e file that calls it).
// subject: builds one call (params, query, body) and gets the caller; it may return `headers` to
// call as a fresh person of the same kind and role, for calls that end the caller's own sessions.
// It runs once per allowed call (a real subject each time: a run to cancel…), and once for all the
// refused calls. `slow: true` builds the allowed calls' subjects side by side before the tests.
import type { Role } from '@/engine/auth/roles';
import { hashPassword } from '@/server/auth/password';
import { db } from '@/server/db/client';
import type { RouteCall } from '../../support/api-routes';
import { postEvent, waitFor } from '../../support/harness';
import type { Answer } from '../../support/http';
import { createPerson, sessionHeaders, type Person } from '../../support/people';
import { trainMatrixEntries } from './role-matrix-trains';
import { subscriptionMatrixEntries } from './role-matrix-subscriptions';

export type CallerKind = 'anonymous' | 'token' | 'session' | 'scoped';
export type Caller = { kind: CallerKind; label: string; role: Role | null; person: Person | null; headers: Record<string, string> };
export type Subject = RouteCall & { headers?: Record<string, string> };
export type Entry = { subject?: (caller: Caller) => Promise<Subject>; slow?: boolean } & (
  | { access: 'role'; min: Role }
  | { access: 'session' }
  | { access: 'public'; why: string; status: number }
  | { access: 'next-only'; why: string; coveredBy: string }
);
export type MatrixContext = { people: () => Record<Role, Person>; call: (key: string, s: Subject, headers: Record<string, string>) => Promise<Answer> };

let n = 0;
const uniq = (prefix: string) => `${prefix}-${++n}`;
export const fixed = (params: Record<string, string | string[]> = {}, body?: unknown) => async (): Promise<Subject> => ({ params, body });
export const wf = (name: string, type: string, steps: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${type} }\nsteps:\n${steps}`;
const logStep = '  - { id: a, action: log, with: { message: hi } }\n';

/** A run of the matrix's `hold` (delay), `ask` (approval) or `boom` (fails) workflow, once it has this status. */
export async function runAt(type: 'hold' | 'ask' | 'boom', status: string) {
  const { body } = await postEvent('generic', type, {});
  return waitFor(async () => (await db().run.findFirst({ where: { eventId: body.id, status } })) ?? undefined, 15_000, `${type} run ${status}`);
}
async function waitingApproval() {
  const run = await runAt('ask', 'running');
  await waitFor(async () => (await db().stepRun.findFirst({ where: { runId: run.id, stepId: 'ask', status: 'waiting' } })) ?? undefined);
  return run;
}
// scrypt is slow on purpose; one hash serves every fresh person with the same password.
const hashes = new Map<string, Promise<string>>();
const hashOnce = (password: string) => hashes.get(password) ?? hashes.set(password, hashPassword(password)).get(password)!;
/** A new person of a session caller's role (with this password), signed in; undefined for other callers. */
async function freshSession(caller: Caller, password?: string): Promise<Record<string, string> | undefined> {
  if (caller.kind !== 'session' || !caller.role) return undefined;
  const person = await createPerson(caller.role, uniq(`fresh-${caller.role}`));
  if (password) await db().user.update({ where: { id: person.id }, data: { passwordHash: await hashOnce(password) } });
  return sessionHeaders(person);
}
const tokenOf = async (userId: string) =>
  (await db().apiToken.create({ data: { name: uniq('revocable'), hash: uniq('hash'), prefix: 'ry_xxxx', role: 'viewer', userId } })).id;
const secretName = (prefix: string) => uniq(prefix).replace('-', '_');

export function matrixEntries(ctx: MatrixContext): Record<string, Entry> {
  return {
    'GET /api/events': { access: 'role', min: 'viewer' },
    'GET /api/events/[id]': { access: 'role', min: 'viewer', subject: async () => ({ params: { id: (await db().event.findFirstOrThrow()).id } }) },
    'POST /api/events/[id]/[type]': { access: 'role', min: 'editor', subject: fixed({ id: 'generic', type: 'matrix.sent' }, { ok: true }) },
    // Or the source's own credential (tests/integration/intake-*.test.ts).
    'POST /api/hooks/[source]': { access: 'role', min: 'editor', subject: fixed({ source: 'jenkins' }, { build: { phase: 'STARTED' } }) },
    'GET /api/runs': { access: 'role', min: 'viewer' },
    'GET /api/runs/[id]': { access: 'role', min: 'viewer', subject: async () => ({ params: { id: (await db().run.findFirstOrThrow()).id } }) },
    'POST /api/runs/[id]/cancel': { access: 'role', min: 'releaser', slow: true, subject: async () => ({ params: { id: (await runAt('hold', 'running')).id } }) },
    'POST /api/runs/[id]/rerun': { access: 'role', min: 'editor', slow: true, subject: async () => ({ params: { id: (await runAt('boom', 'failed')).id } }) },
    'POST /api/runs/[id]/resume': { access: 'role', min: 'editor', slow: true, subject: async () => ({ params: { id: (await runAt('boom', 'failed')).id } }) },
    'POST /api/runs/[id]/steps/[stepId]/decision': {
      access: 'role', min: 'releaser', slow: true,
      subject: async () => ({ params: { id: (await waitingApproval()).id, stepId: 'ask' }, body: { approve: true } }),
    },
    'POST /api/replays': { access: 'role', min: 'editor', subject: async () => ({ body: { eventId: (await db().event.findFirstOrThrow({ where: { type: 'boom' } })).id, workflow: 'boom' } }) },
    'GET /api/registry': { access: 'role', min: 'viewer' },
    'GET /api/actions': { access: 'role', min: 'viewer' },
    // The living documentation and search: everyone who reads workflows reads these.
    'GET /api/processes': { access: 'role', min: 'viewer' },
    'GET /api/processes/[source]/[type]': { access: 'role', min: 'viewer', subject: fixed({ source: 'generic', type: 'hold' }) },
    'GET /api/search': { access: 'role', min: 'viewer', subject: async () => ({ query: '?q=hold' }) },
    // The editor's completion data and previews: viewers read events already; previews load no secret.
    'GET /api/event-types/[source]/[type]/sample': { access: 'role', min: 'viewer', subject: fixed({ source: 'generic', type: 'hold' }) },
    'POST /api/expressions/preview': { access: 'role', min: 'viewer', subject: fixed({}, { template: '{{ event.payload }}', payload: { ok: true } }) },
    // The simulator and the export read only what viewers read already (no secret is loaded or exported).
    'POST /api/simulate': { access: 'role', min: 'viewer', subject: fixed({}, { source: 'generic', type: 'hold', payload: { n: 1 } }) },
    'GET /api/export': { access: 'role', min: 'viewer' },
    'POST /api/import': {
      access: 'role',
      min: 'editor',
      subject: async () => ({ body: `---\napiVersion: railyard/v1\nkind: EventType\nsource: generic\ntype: ${uniq('imported')}\ndescription: From the matrix.\n` }),
    },
    'GET /api/sources': { access: 'role', min: 'viewer' },
    'POST /api/sources': { access: 'role', min: 'editor', subject: async () => ({ body: { key: uniq('src'), name: 'Matrix', preset: 'generic', auth: { mode: 'token', secret: 'matrix-secret-1' } } }) },
    'GET /api/sources/[key]': { access: 'role', min: 'viewer', subject: fixed({ key: 'generic' }) },
    'PATCH /api/sources/[key]': { access: 'role', min: 'editor', subject: fixed({ key: 'jira' }, { name: 'Jira (matrix)' }) },
    'GET /api/workflows': { access: 'role', min: 'viewer' },
    'POST /api/workflows': { access: 'role', min: 'editor', subject: async () => ({ body: wf(uniq('matrix'), 'matrix', logStep) }) },
    'GET /api/workflows/[name]': { access: 'role', min: 'viewer', subject: fixed({ name: 'hold' }) },
    // Workflow options (shell.run, secret grants) are admin decisions.
    'PATCH /api/workflows/[name]': { access: 'role', min: 'admin', subject: fixed({ name: 'hold' }, { shellAllowed: false }) },
    'GET /api/workflows/[name]/versions': { access: 'role', min: 'viewer', subject: fixed({ name: 'twice' }) },
    'GET /api/workflows/[name]/diff': { access: 'role', min: 'viewer', subject: async () => ({ params: { name: 'twice' }, query: '?from=1&to=2' }) },
    'POST /api/workflows/[name]/restore': { access: 'role', min: 'editor', subject: fixed({ name: 'twice' }, { version: 1 }) },
    // Drafts are the editor's working copy: editors only, even to read.
    'GET /api/workflows/[name]/draft': {
      access: 'role', min: 'editor',
      subject: async () => {
        const name = uniq('drafted');
        await ctx.call('PUT /api/workflows/[name]/draft', { params: { name }, body: { yaml: 'work: in progress' } }, ctx.people().admin.headers);
        return { params: { name } };
      },
    },
    'PUT /api/workflows/[name]/draft': { access: 'role', min: 'editor', subject: async () => ({ params: { name: uniq('drafted') }, body: { yaml: 'not: valid yet' } }) },
    'DELETE /api/workflows/[name]/draft': { access: 'role', min: 'editor', subject: fixed({ name: 'hold' }) },
    'POST /api/workflows/[name]/publish': {
      access: 'role', min: 'editor',
      subject: async () => {
        const name = uniq('edited');
        return { params: { name }, body: { yaml: wf(name, 'matrix', logStep), message: 'from the matrix' } };
      },
    },
    'GET /api/secrets': { access: 'role', min: 'admin' },
    'POST /api/secrets': { access: 'role', min: 'admin', subject: async () => ({ body: { name: secretName('MATRIX'), value: 'v4lue' } }) },
    'PUT /api/secrets/[name]': { access: 'role', min: 'admin', subject: async () => ({ params: { name: secretName('PUT') }, body: { value: 'v4lue' } }) },
    'DELETE /api/secrets/[name]': {
      access: 'role', min: 'admin',
      subject: async () => {
        const name = secretName('GONE');
        await db().secret.create({ data: { name, valueEnc: 'x' } });
        return { params: { name } };
      },
    },
    'GET /api/me': { access: 'role', min: 'viewer' },
    'GET /api/audit': { access: 'role', min: 'viewer' },
    'GET /api/approvals': { access: 'role', min: 'viewer' },
    'GET /api/stream': { access: 'role', min: 'viewer' },
    'GET /api/users': { access: 'role', min: 'admin' },
    'POST /api/users': { access: 'role', min: 'admin', subject: async () => ({ body: { email: `${uniq('new')}@x.test`, name: 'New', role: 'viewer', password: 'a-long-password' } }) },
    'PATCH /api/users/[id]': { access: 'role', min: 'admin', subject: async () => ({ params: { id: (await createPerson('viewer', uniq('patched'))).id }, body: { role: 'releaser' } }) },
    'POST /api/users/[id]/sessions/revoke': { access: 'role', min: 'admin', subject: async () => ({ params: { id: (await createPerson('viewer', uniq('lost-laptop'))).id } }) },
    // Your own tokens, with a token or a session; someone else's answers 404 unless you are an admin.
    'DELETE /api/tokens/[id]': { access: 'role', min: 'viewer', subject: async (c) => ({ params: { id: await tokenOf((c.person ?? ctx.people().viewer).id) } }) },
    // Only people mint tokens, change passwords, sign out everywhere: a token could outlive its revocation.
    'GET /api/tokens': { access: 'session' },
    'POST /api/tokens': { access: 'session', subject: async () => ({ body: { name: uniq('cli') } }) },
    'POST /api/profile/password': {
      access: 'session',
      subject: async (c) => ({ body: { current: 'old-password-1', next: 'new-password-1' }, headers: await freshSession(c, 'old-password-1') }),
    },
    'POST /api/profile/sessions/revoke': { access: 'session', subject: async (c) => ({ headers: await freshSession(c) }) },
    'GET /api/health': { access: 'public', why: 'load balancers and npm start probe it; it names no data', status: 200 },
    'POST /api/demo/deploy': { access: 'public', why: 'a stand-in deploy hook for the demo workflows; it echoes and changes nothing', status: 200, subject: fixed({}, { service: 'web' }) },
    // next-auth's handler reads cookies() from Next's request scope, so it cannot run in-process.
    'GET /api/auth/[...nextauth]': { access: 'next-only', why: 'next-auth: csrf, providers, session, sign-in pages', coveredBy: 'e2e/support/auth.ts' },
    'POST /api/auth/[...nextauth]': { access: 'next-only', why: 'next-auth sign-in callbacks and sign-out, CSRF-checked by next-auth', coveredBy: 'e2e/support/auth.ts' },
    ...trainMatrixEntries(),
    ...subscriptionMatrixEntries(ctx),
  };
}
