// Issue 4 hardening through the real route handlers and worker: CSRF on cookie sessions, intake
// and sign-in rate limits, the SSRF guard on http.request, and who may publish and run shell.run.
// Settings are set before env() is first read (it is parsed once per test file).
process.env.RAILYARD_INTAKE_RATE_PER_MIN = '5';
process.env.NEXTAUTH_SECRET ??= 'hardening-test-secret';
process.env.NEXTAUTH_URL = 'https://railyard.example.com';

import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as workflowPatch } from '@/app/api/workflows/[name]/route';
import { GET as sourcesGet, POST as sourcesPost } from '@/app/api/sources/route';
import { hashPassword } from '@/server/auth/password';
import { db } from '@/server/db/client';
import { signInWithPassword } from '@/server/use-cases/sign-in';
import { callRoute } from '../support/http';
import { admin, closeAll, postEvent, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers } from '../support/harness';
import { createPeople, type Person } from '../support/people';

let workers: Workers;
let people: Awaited<ReturnType<typeof createPeople>>;

beforeAll(async () => {
  await resetState();
  people = await createPeople();
  workers = await startTestWorkers();
});
afterAll(() => closeAll(workers));

const sessionCookie = async (p: Person) =>
  `next-auth.session-token=${await encode({ token: { sub: p.id }, secret: process.env.NEXTAUTH_SECRET! })}`;
const newSource = (key: string) => ({ key, name: key, preset: 'generic', auth: { mode: 'token', secret: 'a-long-enough-secret' } });

describe('CSRF on cookie-authenticated writes', () => {
  it('refuses a cookie session write without a same-origin Origin or Referer', async () => {
    const cookie = await sessionCookie(people.admin);
    for (const extra of [{}, { origin: 'https://evil.example' }, { origin: 'null' }, { referer: 'https://evil.example/page' }] as Record<string, string>[]) {
      const res = await callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', headers: { cookie, ...extra }, body: newSource('csrf-refused') });
      expect(res.status, JSON.stringify(extra)).toBe(403);
      expect(res.body).toEqual({ error: 'cross-site request refused' });
    }
    expect(await db().source.findUnique({ where: { key: 'csrf-refused' } })).toBeNull();
  });

  it('lets same-origin writes (request host, NEXTAUTH_URL host, or Referer) through to the role check', async () => {
    const cookie = await sessionCookie(people.admin);
    const ok = await callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', headers: { cookie, origin: 'http://localhost' }, body: newSource('csrf-ok-1') });
    expect(ok.status).toBe(201);
    const viaPublicUrl = await callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', headers: { cookie, origin: 'https://railyard.example.com' }, body: newSource('csrf-ok-2') });
    expect(viaPublicUrl.status).toBe(201);
    const viaReferer = await callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', headers: { cookie, referer: 'http://localhost/sources' }, body: newSource('csrf-ok-3') });
    expect(viaReferer.status).toBe(201);
    // Past CSRF, a viewer's session still meets the role check.
    const viewer = await callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', headers: { cookie: await sessionCookie(people.viewer), origin: 'http://localhost' }, body: newSource('csrf-viewer') });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toMatch(/your role \(viewer\)/);
  });

  it('does not apply to reads, bearer tokens or requests without a session cookie', async () => {
    const cookie = await sessionCookie(people.admin);
    expect((await callRoute(sourcesGet, '/api/sources', {}, { headers: { cookie } })).status).toBe(200);
    const bearer = await callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', headers: { ...people.admin.headers, cookie }, body: newSource('csrf-bearer') });
    expect(bearer.status).toBe(201);
    const anonymous = await callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', body: newSource('csrf-anon') });
    expect(anonymous.status).toBe(401);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After beyond RAILYARD_INTAKE_RATE_PER_MIN per source, other sources unaffected', async () => {
    // Windows are fixed minutes: start well inside one, so the count does not restart midway.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 50_000) await new Promise((r) => setTimeout(r, 60_100 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await postEvent('jenkins', 'build.done', { i })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429, 429]);
    const limited = await postEvent('jenkins', 'build.done', { i: 99 });
    expect(limited.body.error).toMatch(/too many events for source "jenkins"/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await db().event.count({ where: { sourceKey: 'jenkins' } })).toBe(5);
    expect((await postEvent('jira', 'issue.done', { ok: true })).status).toBe(202);
  });

  // Back-off per (email, address); the full scenario is tests/integration/accounts/sign-in-backoff.test.ts.
  it('backs off a guessing address, even with the right password, without locking the person out elsewhere', async () => {
    const email = 'brute@test.railyard.local';
    await db().user.create({ data: { email, name: 'brute', role: 'viewer', provider: 'credentials', passwordHash: await hashPassword('right-password-1') } });
    expect(await signInWithPassword(email, 'right-password-1', '203.0.113.7')).toMatchObject({ email });
    for (let i = 0; i < 4; i++) expect(await signInWithPassword(email, `wrong-${i}`, '198.51.100.1')).toBeNull();
    expect(await signInWithPassword(email, 'right-password-1', '198.51.100.1')).toBeNull();
    expect(await signInWithPassword(email, 'right-password-1', '203.0.113.7')).toMatchObject({ email });
  });
});

const wf = (name: string, step: string) => `apiVersion: railyard/v1
kind: Workflow
name: ${name}
trigger: { source: generic, type: ${name}.go }
steps:
${step}`;
const shellStep = `  - id: sh
    action: shell.run
    with: { command: "echo from-shell" }
`;

describe('SSRF guard on http.request', () => {
  it('fails a step calling the metadata address at once, naming the rule', async () => {
    const step = `  - id: steal
    action: http.request
    with: { url: "http://169.254.169.254/latest/meta-data/iam/security-credentials/", retries: { attempts: 3, delayMs: 10 } }
    retry: { attempts: 3, backoff: fixed, delayMs: 10 }
`;
    expect((await publishYaml(wf('ssrf', step))).status).toBe(201);
    const event = await postEvent('generic', 'ssrf.go', {});
    const run = await waitForEventRun(event.body.id);
    expect(run.status).toBe('failed');
    const failed = run.steps.find((s) => s.id === 'steal')!;
    expect(failed.error).toMatch(/refused to call 169\.254\.169\.254: it is a cloud metadata address \(rule: metadata\)/);
    expect(failed.attempts).toBe(1); // permanent: not retried
  });
});

describe('shell.run gating', () => {
  it('lets only an admin publish a shell.run workflow, unless an admin allowed it for that workflow', async () => {
    const editor = await publishYaml(wf('shelly', shellStep), people.editor.headers);
    expect(editor.status).toBe(403);
    expect(editor.body.error).toMatch(/uses shell\.run, which only an admin may publish/);
    const byAdmin = await publishYaml(wf('shelly', shellStep), people.admin.headers);
    expect(byAdmin.status).toBe(201);
    expect(await db().workflowVersion.findFirst({ where: { workflow: { name: 'shelly' } } })).toMatchObject({ publisherRole: 'admin', publishedBy: people.admin.id });

    const patch = (headers: Record<string, string>, body: object) =>
      callRoute(workflowPatch, '/api/workflows/shelly', { name: 'shelly' }, { method: 'PATCH', headers, body });
    expect((await patch(people.editor.headers, { shellAllowed: true })).status).toBe(403);
    expect((await patch(admin, { shellAllowed: 'yes' })).status).toBe(400);
    expect((await patch(admin, { shellAllowed: true })).body).toEqual({ name: 'shelly', shellAllowed: true, secretGrants: [] });
    const editorAgain = await publishYaml(wf('shelly', shellStep.replace('from-shell', 'from-editor')), people.editor.headers);
    expect(editorAgain.status).toBe(201);
    expect(editorAgain.body.version).toBe(2);
  });

  it('refuses to execute shell.run in an editor-published version once the permission is withdrawn', async () => {
    const allowed = await waitForEventRun((await postEvent('generic', 'shelly.go', {})).body.id);
    expect(allowed.status).toBe('succeeded');

    expect((await callRoute(workflowPatch, '/api/workflows/shelly', { name: 'shelly' }, { method: 'PATCH', headers: admin, body: { shellAllowed: false } })).status).toBe(200);
    const refused = await waitForEventRun((await postEvent('generic', 'shelly.go', {})).body.id);
    expect(refused.status).toBe('failed');
    expect(refused.steps[0].error).toMatch(/shell\.run refused: version 2 of "shelly" was published by editor/);
  });
});
