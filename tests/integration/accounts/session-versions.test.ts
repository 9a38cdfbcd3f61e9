// Sessions carry a version (User.sessionVersion) that a password change, a role change,
// disabling, or "sign out everywhere" moves on: cookies issued before stop working at once,
// with 401 from the API and a redirect to /signin for pages (proxy.ts). Cookies come from
// next-auth's real sign-in (CSRF, credentials callback, JWT), with our authOptions.
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as meGet } from '@/app/api/me/route';
import { POST as passwordPost } from '@/app/api/profile/password/route';
import { POST as revokeMinePost } from '@/app/api/profile/sessions/revoke/route';
import { PATCH as userPatch } from '@/app/api/users/[id]/route';
import { POST as revokeUserPost } from '@/app/api/users/[id]/sessions/revoke/route';
import { proxy } from '@/proxy';
import { hashPassword } from '@/server/auth/password';
import { db } from '@/server/db/client';
import { admin, closeAll, resetState } from '../../support/harness';
import { callRoute } from '../../support/http';
import { createPerson, type Person } from '../../support/people';
import { signInWithNextAuth } from '../../support/auth-flow';

const PASSWORD = 'first-password-1';
let n = 0;

/** A person with a password, signed in from two browsers (two cookies). */
async function personWithTwoSessions(role: Person['role'] = 'releaser') {
  const person = await createPerson(role, `sv-${++n}`);
  await db().user.update({ where: { id: person.id }, data: { passwordHash: await hashPassword(PASSWORD) } });
  const a = await signInWithNextAuth(person.email, PASSWORD, { 'x-forwarded-for': `192.0.2.${n}` });
  const b = await signInWithNextAuth(person.email, PASSWORD, { 'x-forwarded-for': `192.0.2.${n}` });
  expect(a.ok && b.ok).toBe(true);
  return { person, a: a.cookie!, b: b.cookie! };
}

const me = (cookie: string) => callRoute(meGet, '/api/me', {}, { headers: { cookie } });
const page = async (cookie: string) => {
  const res = await proxy(new NextRequest('http://localhost/runs', { headers: { cookie } }));
  return res.headers.get('location') ? new URL(res.headers.get('location')!).pathname : 'page';
};
const withOrigin = (cookie: string) => ({ cookie, origin: 'http://localhost' });

beforeAll(async () => {
  await resetState();
});
afterAll(() => closeAll());

describe('a fresh session', () => {
  it('works for the API and pages', async () => {
    const { a } = await personWithTwoSessions();
    expect((await me(a)).status).toBe(200);
    expect(await page(a)).toBe('page');
    expect(await page('next-auth.session-token=garbage')).toBe('/signin');
  });
});

describe('older cookies stop working after', () => {
  it('a password change, except the renewed cookie of the browser that changed it', async () => {
    const { a, b } = await personWithTwoSessions();
    const res = await callRoute(passwordPost, '/api/profile/password', {}, { method: 'POST', headers: withOrigin(a), body: { current: PASSWORD, next: 'second-password-2' } });
    expect(res.status).toBe(204);
    const renewed = res.headers.get('set-cookie')!.split(';')[0];
    for (const old of [a, b]) {
      const answer = await me(old);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatch(/session has ended/);
      expect(await page(old)).toBe('/signin');
    }
    expect((await me(renewed)).status).toBe(200);
    expect(await page(renewed)).toBe('page');
  });

  it('a role change (and a new sign-in gets the new role)', async () => {
    const { person, a } = await personWithTwoSessions('releaser');
    const patched = await callRoute(userPatch, `/api/users/${person.id}`, { id: person.id }, { method: 'PATCH', headers: admin, body: { role: 'viewer' } });
    expect(patched.status).toBe(200);
    expect((await me(a)).status).toBe(401);
    const again = await signInWithNextAuth(person.email, PASSWORD);
    expect((await me(again.cookie!)).body).toMatchObject({ role: 'viewer' });
  });

  it('disabling, and the old cookie stays dead when the person is enabled again', async () => {
    const { person, a } = await personWithTwoSessions();
    const patch = (disabled: boolean) => callRoute(userPatch, `/api/users/${person.id}`, { id: person.id }, { method: 'PATCH', headers: admin, body: { disabled } });
    expect((await patch(true)).status).toBe(200);
    expect((await me(a)).status).toBe(401);
    expect((await patch(false)).status).toBe(200);
    expect((await me(a)).status).toBe(401);
    expect(await page(a)).toBe('/signin');
  });

  it('"sign out everywhere" from the profile: every browser, this one included; API tokens keep working', async () => {
    const { person, a, b } = await personWithTwoSessions();
    const res = await callRoute(revokeMinePost, '/api/profile/sessions/revoke', {}, { method: 'POST', headers: withOrigin(a) });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/Max-Age=0/);
    expect((await me(a)).status).toBe(401);
    expect((await me(b)).status).toBe(401);
    expect((await callRoute(meGet, '/api/me', {}, { headers: person.headers })).status).toBe(200);
    const audit = await db().auditEntry.findFirst({ where: { action: 'user.sessions.revoke', subjectId: person.id } });
    expect(audit?.actorId).toBe(person.id);
  });

  it('an admin signing a person out everywhere; others may not', async () => {
    const { person, a } = await personWithTwoSessions();
    const other = await createPerson('editor', 'sv-other');
    const refused = await callRoute(revokeUserPost, `/api/users/${person.id}/sessions/revoke`, { id: person.id }, { method: 'POST', headers: other.headers });
    expect(refused.status).toBe(403);
    expect((await me(a)).status).toBe(200);
    const done = await callRoute(revokeUserPost, `/api/users/${person.id}/sessions/revoke`, { id: person.id }, { method: 'POST', headers: admin });
    expect(done.status).toBe(204);
    expect((await me(a)).status).toBe(401);
    expect(await page(a)).toBe('/signin');
  });
});

it('a rename alone ends no session', async () => {
  const { person, a } = await personWithTwoSessions();
  expect((await callRoute(userPatch, `/api/users/${person.id}`, { id: person.id }, { method: 'PATCH', headers: admin, body: { name: 'Renamed' } })).status).toBe(200);
  expect((await me(a)).status).toBe(200);
});
