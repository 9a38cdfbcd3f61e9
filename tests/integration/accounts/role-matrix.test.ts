// The role table walked for every API route. The routes are not listed by hand: they are found by
// walking app/api for route.ts files and reading each module's exported HTTP methods
// (tests/support/api-routes.ts), so a new route or method without an entry in
// role-matrix-entries.ts fails "every route has an entry" (that file says how to add one), and an
// entry whose route is gone fails too.
//
// Each (method, route) is called anonymously (401), then as every role with a personal token, with
// a next-auth session cookie, and with an admin's own tokens scoped down to viewer, releaser and
// editor (a token never grants more than its scope). Below the requirement → 403 naming it; at or
// above → a real 2xx on a real subject, fresh for each allowed call.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, roleRank, type Role } from '@/engine/auth/roles';
import { db } from '@/server/db/client';
import { callApiRoute, discoverApiRoutes } from '../../support/api-routes';
import { closeAll, publishYaml, resetState, startTestWorkers, type Workers } from '../../support/harness';
import { createPeople, sessionHeaders, type Person } from '../../support/people';
import { fixed, matrixEntries, runAt, wf, type Caller, type CallerKind, type Entry, type Subject } from './role-matrix-entries';

const ROUTES = await discoverApiRoutes();
let people: Record<Role, Person>;
const call = (key: string, s: Subject, headers: Record<string, string>) => callApiRoute(ROUTES, key, s, s.headers ?? headers);
const MATRIX = matrixEntries({ people: () => people, call });

const CALLER_SPECS: { kind: CallerKind; role: Role | null }[] = [
  { kind: 'anonymous', role: null },
  ...ROLES.map((role) => ({ kind: 'token' as const, role })),
  ...ROLES.map((role) => ({ kind: 'session' as const, role })),
  ...ROLES.filter((r) => r !== 'admin').map((role) => ({ kind: 'scoped' as const, role })),
];
const labelOf = (s: { kind: CallerKind; role: Role | null }) =>
  s.kind === 'anonymous' ? 'anonymous' : s.kind === 'scoped' ? `admin's ${s.role}-scoped token` : `${s.role} ${s.kind}`;
const callers: Caller[] = [];

const mayCall = (entry: Entry, caller: Caller): boolean => {
  if (entry.access === 'public' || entry.access === 'next-only') return true;
  if (caller.kind === 'anonymous') return false;
  if (entry.access === 'session') return caller.kind === 'session';
  return roleRank(caller.role!) >= roleRank(entry.min);
};

// A refused call changes nothing, so all refused calls of an entry share one subject; each allowed
// call gets its own (slow ones are built in parallel during set-up).
const refusedSubject = new Map<string, Promise<Subject>>();
const pool = new Map<string, Subject[]>();
function subjectFor(key: string, entry: Entry, caller: Caller, allowed: boolean): Promise<Subject> {
  const build = entry.subject ?? fixed();
  if (!allowed) {
    if (!refusedSubject.has(key)) refusedSubject.set(key, build(caller));
    return refusedSubject.get(key)!;
  }
  const pooled = pool.get(key)?.pop();
  return pooled ? Promise.resolve(pooled) : build(caller);
}

let workers: Workers;
beforeAll(async () => {
  await resetState();
  people = await createPeople();
  workers = await startTestWorkers();
  await publishYaml(wf('hold', 'hold', '  - { id: wait, action: delay, with: { ms: 600000 } }\n'));
  await publishYaml(wf('ask', 'ask', '  - { id: ask, action: approval.request, with: { message: "ok?" } }\n'));
  await publishYaml(wf('boom', 'boom', '  - { id: fail, action: http.request, with: { url: "http://127.0.0.1:1/", retries: { attempts: 0 } } }\n'));
  for (const message of ['one', 'two']) await publishYaml(wf('twice', 'twice', `  - { id: a, action: log, with: { message: ${message} } }\n`));
  await runAt('boom', 'failed');
  const adminSession = await sessionHeaders(people.admin);
  for (const spec of CALLER_SPECS) {
    let headers: Record<string, string> = {};
    let person: Person | null = spec.role ? people[spec.role] : null;
    if (spec.kind === 'token') headers = people[spec.role!].headers;
    if (spec.kind === 'session') headers = await sessionHeaders(people[spec.role!]);
    if (spec.kind === 'scoped') {
      // Minted the way a person does it: POST /api/tokens from the admin's own session.
      const minted = await call('POST /api/tokens', { body: { name: `scoped-${spec.role}`, role: spec.role } }, adminSession);
      expect(minted.status, JSON.stringify(minted.body)).toBe(201);
      headers = { authorization: `Bearer ${minted.body.token}` };
      person = people.admin;
    }
    callers.push({ ...spec, label: labelOf(spec), person, headers });
  }
  await Promise.all(
    Object.entries(MATRIX)
      .filter(([key, e]) => e.slow && ROUTES.has(key))
      .flatMap(([key, e]) => {
        const list: Subject[] = [];
        pool.set(key, list);
        return callers.filter((c) => mayCall(e, c)).map(async (c) => list.push(await (e.subject ?? fixed())(c)));
      }),
  );
}, 120_000);
afterAll(async () => {
  await db().run.updateMany({ where: { status: { in: ['queued', 'running'] } }, data: { status: 'cancelled' } });
  await closeAll(workers);
});

describe('the matrix covers the app/api tree', () => {
  it('finds the routes', () => expect(ROUTES.size).toBeGreaterThan(30));
  it('every discovered (method, route) has an entry', () => {
    expect([...ROUTES.keys()].filter((k) => !(k in MATRIX)), 'add these to role-matrix-entries.ts').toEqual([]);
  });
  it('every entry names a route that exists', () => {
    expect(Object.keys(MATRIX).filter((k) => !ROUTES.has(k)), 'remove or rename these entries').toEqual([]);
  });
});

const covered = Object.entries(MATRIX).filter(([key]) => ROUTES.has(key));

describe.each(covered.filter(([, e]) => e.access === 'public'))('%s (public)', (key, entry) => {
  it('answers anonymously', async () => {
    const res = await call(key, await (entry.subject ?? fixed())(callers[0]), {});
    expect(res.status, JSON.stringify(res.body)).toBe(entry.access === 'public' ? entry.status : 0);
  });
});

describe.each(covered.filter(([, e]) => e.access === 'next-only'))('%s (inside Next only)', (key, entry) => {
  it('is called by the end-to-end file it names', () => {
    const file = entry.access === 'next-only' ? entry.coveredBy : '';
    const source = readFileSync(fileURLToPath(new URL(`../../../${file}`, import.meta.url)), 'utf8');
    expect(source).toContain(key.split(' ')[1].replace(/\/\[\.\.\.\w+\]$/, '/'));
  });
});

// Callers exist only after set-up; the cases per route are fixed, so they are named by index.
const CASES = CALLER_SPECS.map((spec, index) => ({ index, label: labelOf(spec) }));
describe.each(covered.filter(([, e]) => e.access === 'role' || e.access === 'session'))('%s', (key, entry) => {
  it.each(CASES)('$label', async ({ index }) => {
    const caller = callers[index];
    const allowed = mayCall(entry, caller);
    const res = await call(key, await subjectFor(key, entry, caller, allowed), caller.headers);
    const why = `${caller.label}: ${JSON.stringify(res.body)}`;
    if (caller.kind === 'anonymous') {
      expect(res.status, why).toBe(401);
      expect(typeof res.body.error, why).toBe('string');
    } else if (allowed) {
      expect(res.status, why).toBeGreaterThanOrEqual(200);
      expect(res.status, why).toBeLessThan(300);
    } else {
      expect(res.status, why).toBe(403);
      expect(res.body.error, why).toMatch(entry.access === 'role' ? new RegExp(`needs ${entry.min}`) : /signed-in people/);
    }
  });
});
