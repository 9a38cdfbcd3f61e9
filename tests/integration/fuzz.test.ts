// Fuzzing the HTTP surface: a few thousand malformed requests (deterministic seed) through the real
// route handlers, with and without credentials. Every answer must be a 4xx with a JSON `error`
// string (never a 5xx or a thrown exception), and no malformed delivery may become an Event.
// Requests are malformed by construction (bad body, bad query, unknown id), so none may succeed.
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as hooks from '@/app/api/hooks/[source]/route';
import * as generic from '@/app/api/events/[id]/[type]/route';
import * as events from '@/app/api/events/route';
import * as event from '@/app/api/events/[id]/route';
import * as sources from '@/app/api/sources/route';
import * as source from '@/app/api/sources/[key]/route';
import * as workflows from '@/app/api/workflows/route';
import * as workflow from '@/app/api/workflows/[name]/route';
import * as runs from '@/app/api/runs/route';
import * as run from '@/app/api/runs/[id]/route';
import * as cancel from '@/app/api/runs/[id]/cancel/route';
import * as rerun from '@/app/api/runs/[id]/rerun/route';
import * as resume from '@/app/api/runs/[id]/resume/route';
import * as decision from '@/app/api/runs/[id]/steps/[stepId]/decision/route';
import * as replays from '@/app/api/replays/route';
import * as secrets from '@/app/api/secrets/route';
import * as secret from '@/app/api/secrets/[name]/route';
import { db } from '@/server/db/client';
import { ADMIN_TOKEN, closeAll, resetState, SOURCES } from '../support/harness';
import { createPeople } from '../support/people';
import { BODIES, mulberry32, ODD, QUERY_JUNK, REFUSED, wrongTypes, type Rng } from '../support/fuzz-inputs';

const SEED = 0x5eed_2026;
const COUNT = 3000;
type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Auth = Record<string, string>;

let tokens: { privileged: Auth[]; weak: Auth[] };

beforeAll(async () => {
  await resetState();
  const people = await createPeople();
  tokens = {
    privileged: [{ authorization: `Bearer ${ADMIN_TOKEN}` }, people.admin.headers, people.editor.headers],
    weak: [
      {},
      people.viewer.headers,
      people.releaser.headers,
      { authorization: 'Bearer ry_not_a_real_token' },
      { authorization: 'Bearer ' },
      { authorization: 'Basic YWRtaW46YWRtaW4=' },
      { authorization: `Bearer ${'x'.repeat(20_000)}` },
      { cookie: 'next-auth.session-token=garbage; other=1' },
      { authorization: 'Bearer a b c' },
    ],
  };
});
afterAll(() => closeAll());

type Case = { label: string; handler: Handler; method: string; path: string; params: Record<string, string>; headers: Auth; body?: string | Buffer };

const enc = (s: string) => {
  try {
    return encodeURIComponent(s);
  } catch {
    return 'x'; // lone surrogates: Next would never route them here, params carry them instead
  }
};

/** One malformed request. `anyAuth` picks privileged credentials too, so bodies must stay invalid. */
function makeCase(r: Rng): Case {
  const anyAuth = () => (r.chance(0.5) ? r.pick(tokens.privileged) : r.pick(tokens.weak));
  const odd = () => r.pick(ODD);
  const anyBody = () => (r.chance(0.5) ? r.pick(BODIES)(r) : wrongTypes(r));
  const kind = r.int(16);
  switch (kind) {
    case 0:
    case 1:
    case 2: {
      // Intake: a real source with its valid credential but a refused body, or anything without one.
      const key = r.pick(Object.keys(SOURCES)) as keyof typeof SOURCES;
      const valid = r.chance(0.5);
      const body = valid ? r.pick(REFUSED)(r) : anyBody();
      const headers: Auth = valid ? credential(key, body, r) : r.chance(0.5) ? anyAuthWeak(r) : sourceJunk(r);
      const native = key !== 'generic' && r.chance(0.6);
      if (native) return { label: `hook ${key}`, handler: hooks.POST as Handler, method: 'POST', path: `/api/hooks/${key}`, params: { source: key }, headers, body };
      const type = r.chance(0.7) ? 'build.done' : odd();
      return { label: `event ${key}`, handler: generic.POST as Handler, method: 'POST', path: `/api/events/${key}/${enc(type)}`, params: { id: key, type }, headers, body };
    }
    case 3: {
      const s = odd();
      const body = r.chance(0.7) ? r.pick(BODIES)(r) : JSON.stringify({ ok: 1 });
      return { label: 'hook odd source', handler: hooks.POST as Handler, method: 'POST', path: `/api/hooks/${enc(s)}`, params: { source: s }, headers: anyAuth(), body };
    }
    case 4: {
      const [id, type] = [odd(), odd()];
      return { label: 'event odd path', handler: generic.POST as Handler, method: 'POST', path: `/api/events/${enc(id)}/${enc(type)}`, params: { id, type }, headers: anyAuth(), body: JSON.stringify({ a: 1 }) };
    }
    case 5:
      return { label: 'sources POST', handler: sources.POST as Handler, method: r.pick(['POST', 'POST', 'PUT']), path: '/api/sources', params: {}, headers: anyAuth(), body: anyBody() };
    case 6: {
      const key = odd();
      const patch = r.chance(0.6);
      return { label: `source ${patch ? 'PATCH' : 'GET'}`, handler: (patch ? source.PATCH : source.GET) as Handler, method: patch ? 'PATCH' : 'GET', path: `/api/sources/${enc(key)}`, params: { key }, headers: anyAuth(), body: patch ? anyBody() : undefined };
    }
    case 7: {
      const yaml = r.chance(0.5);
      const body = yaml ? r.pick(BODIES)(r) : anyBody();
      const ct = yaml ? r.pick(['text/yaml', 'text/plain', 'application/yaml', 'application/octet-stream']) : 'application/json';
      return { label: 'workflows POST', handler: workflows.POST as Handler, method: 'POST', path: '/api/workflows', params: {}, headers: { ...anyAuth(), 'content-type': ct }, body };
    }
    case 8: {
      const name = odd();
      const patch = r.chance(0.5);
      const q = patch ? '' : `?${r.pick(['format=xml', 'version=-1', 'version=abc', 'format=yaml', ''])}`;
      return { label: `workflow ${patch ? 'PATCH' : 'GET'}`, handler: (patch ? workflow.PATCH : workflow.GET) as Handler, method: patch ? 'PATCH' : 'GET', path: `/api/workflows/${enc(name)}${q}`, params: { name }, headers: anyAuth(), body: patch ? anyBody() : undefined };
    }
    case 9: {
      const [target, path] = r.pick([[runs.GET, '/api/runs'], [events.GET, '/api/events']] as const);
      return { label: `${path} GET`, handler: target as Handler, method: r.pick(['GET', 'GET', 'DELETE']), path: `${path}?${r.pick(QUERY_JUNK)}`, params: {}, headers: anyAuth() };
    }
    case 10: {
      const id = odd();
      const [target, path] = r.pick([[run.GET, '/api/runs/'], [event.GET, '/api/events/']] as const);
      return { label: `${path}{id} GET`, handler: target as Handler, method: 'GET', path: `${path}${enc(id)}`, params: { id }, headers: anyAuth() };
    }
    case 11: {
      const id = odd();
      const [target, op] = r.pick([[cancel.POST, 'cancel'], [rerun.POST, 'rerun'], [resume.POST, 'resume']] as const);
      return { label: `run ${op}`, handler: target as Handler, method: 'POST', path: `/api/runs/${enc(id)}/${op}`, params: { id }, headers: anyAuth(), body: r.chance(0.5) ? anyBody() : undefined };
    }
    case 12:
      return { label: 'replays POST', handler: replays.POST as Handler, method: 'POST', path: '/api/replays', params: {}, headers: anyAuth(), body: r.chance(0.3) ? JSON.stringify({ eventId: odd() }) : anyBody() };
    case 13: {
      const [id, stepId] = [odd(), odd()];
      const body = r.chance(0.3) ? JSON.stringify({ approve: r.chance(0.5), reason: odd() }) : anyBody();
      return { label: 'decision POST', handler: decision.POST as Handler, method: 'POST', path: `/api/runs/${enc(id)}/steps/${enc(stepId)}/decision`, params: { id, stepId }, headers: anyAuth(), body };
    }
    case 14: {
      // The secrets list is valid for an admin, so only weak credentials read it.
      const post = r.chance(0.6);
      return { label: `secrets ${post ? 'POST' : 'GET'}`, handler: (post ? secrets.POST : secrets.GET) as Handler, method: post ? 'POST' : 'GET', path: '/api/secrets', params: {}, headers: post ? anyAuth() : r.pick(tokens.weak.slice(1)), body: post ? anyBody() : undefined };
    }
    default: {
      const name = odd();
      const put = r.chance(0.5);
      return { label: `secret ${put ? 'PUT' : 'DELETE'}`, handler: (put ? secret.PUT : secret.DELETE) as Handler, method: put ? 'PUT' : 'DELETE', path: `/api/secrets/${enc(name)}`, params: { name }, headers: anyAuth(), body: put ? anyBody() : undefined };
    }
  }
}

const anyAuthWeak = (r: Rng) => r.pick(tokens.weak);
const sign = (secretText: string, body: string | Buffer) => `sha256=${createHmac('sha256', secretText).update(body).digest('hex')}`;

/** The source's real credential for this body, sometimes with duplicated signature headers. */
function credential(key: keyof typeof SOURCES, body: string | Buffer, r: Rng): Auth {
  const s = SOURCES[key];
  if (s.mode === 'hmac') return { 'x-hub-signature-256': sign(s.secret, body), 'x-github-event': r.pick(['push', 'ping', '', 'zzz']), 'x-github-delivery': r.pick(ODD.filter((o) => /^[\x20-\x7e]*$/.test(o))) };
  if (s.mode === 'gitlab-token') return { 'x-gitlab-token': s.secret, 'x-gitlab-event': r.pick(['Push Hook', 'Tag Push Hook', '']) };
  return r.chance(0.8) ? { authorization: `Bearer ${s.secret}` } : tokens.privileged[0];
}

/** Wrong or doubled source credentials and odd transport headers. */
function sourceJunk(r: Rng): Auth {
  const junk = String.fromCharCode(...Array.from({ length: 1 + r.int(40) }, () => 0x20 + r.int(0xdf)));
  return r.pick<Auth>([
    { 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` },
    { 'x-hub-signature-256': 'sha256=zz', 'x-hub-signature': 'sha1=00' },
    { 'x-gitlab-token': junk },
    { 'content-length': r.pick(['abc', '-1', '1e99', '99999999999', '0', '18446744073709551616']) },
    { 'content-type': r.pick(['application/json; charset=utf-16', 'multipart/form-data; boundary=', junk]) },
    { 'x-github-delivery': 'd'.repeat(r.int(70_000)) },
    { [`x-odd-${r.int(1000)}`]: junk },
  ]);
}

function toRequest(c: Case, r: Rng): Request {
  const headers = new Headers(c.headers);
  if (r.chance(0.1)) headers.append('x-hub-signature-256', 'sha256=deadbeef'); // duplicate signature header
  const body = c.body === undefined || c.method === 'GET' ? undefined : typeof c.body === 'string' ? c.body : new Uint8Array(c.body);
  if (body !== undefined && !headers.has('content-type') && r.chance(0.8)) headers.set('content-type', 'application/json');
  return new Request(`http://localhost${c.path}`, { method: c.method, headers, body });
}

it(`answers ${COUNT} malformed requests with a JSON 4xx, and stores none of them`, async () => {
  const r = mulberry32(SEED);
  const eventsBefore = await db().event.count();
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  for (let i = 0; i < COUNT; i++) {
    const c = makeCase(r);
    let request: Request;
    try {
      request = toRequest(c, r);
    } catch {
      continue; // not a request an HTTP server could receive (e.g. a body on a GET)
    }
    const where = `#${i} ${c.label} ${c.method} ${c.path.slice(0, 80)} params=${JSON.stringify(c.params).slice(0, 80)} auth=${Object.keys(c.headers).join(',')}`;
    // FUZZ_TRACE=<file>: log each case before sending it, to find one that kills the process outright.
    if (process.env.FUZZ_TRACE) (await import('node:fs')).appendFileSync(process.env.FUZZ_TRACE, `${where} body=${String(c.body).slice(0, 60)} len=${c.body?.length}\n`);
    try {
      const res = await c.handler(request, { params: Promise.resolve(c.params) });
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const text = await res.text();
      let body: { error?: unknown } | null = null;
      try {
        body = JSON.parse(text);
      } catch {
        // reported below
      }
      if (res.status < 400 || res.status > 499 || typeof body?.error !== 'string') failures.push(`${where} → ${res.status} ${text.slice(0, 200)}`);
    } catch (err) {
      failures.push(`${where} → threw ${(err as Error).stack?.slice(0, 300)}`);
    }
  }
  console.log(`fuzz seed ${SEED}: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  expect(failures.slice(0, 25)).toEqual([]);
  expect(await db().event.count()).toBe(eventsBefore);
}, 120_000);
