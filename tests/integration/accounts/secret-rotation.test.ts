// Rotating a source secret without downtime: after PATCH, both the new and the previous secret are
// accepted until the grace period ends, then only the new one. The end of the grace period is
// moved into the past through the repository helper, so nothing sleeps for hours.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as sourcePatch } from '@/app/api/sources/[key]/route';
import { db } from '@/server/db/client';
import { expirePreviousSecret } from '@/server/repositories/sources';
import { admin, closeAll, postEvent, postHook, resetState, signGithub, SOURCES } from '../../support/harness';
import { callRoute } from '../../support/http';

beforeAll(resetState);
afterAll(() => closeAll());

const rotate = (key: string, auth: object) =>
  callRoute(sourcePatch, `/api/sources/${key}`, { key }, { method: 'PATCH', headers: admin, body: { auth } });

/** One GitHub delivery signed with `secret`; a fresh delivery id each time, so none is a duplicate. */
function github(secret: string) {
  const body = JSON.stringify({ ref: 'refs/heads/main', n: randomUUID() });
  const headers = { 'X-GitHub-Event': 'push', 'X-GitHub-Delivery': randomUUID(), 'X-Hub-Signature-256': signGithub(body, secret) };
  return postHook('github', body, headers, { auth: false }).then((r) => r.status);
}
const generic = (token: string) =>
  postEvent('generic', 'rotated', { n: randomUUID() }, { Authorization: `Bearer ${token}` }, { auth: false }).then((r) => r.status);
const gitlab = (token: string) =>
  postHook('gitlab', { object_kind: 'push', n: randomUUID() }, { 'X-Gitlab-Event': 'Push Hook', 'X-Gitlab-Token': token }, { auth: false }).then((r) => r.status);

describe('HMAC secret rotation', () => {
  const oldSecret = SOURCES.github.secret;
  const newSecret = 'github-hmac-secret-2';

  it('accepts old and new signatures during the grace period (default 24 h)', async () => {
    expect((await rotate('github', { mode: 'hmac', secret: newSecret })).status).toBe(200);
    const row = await db().source.findUniqueOrThrow({ where: { key: 'github' } });
    const hours = (row.prevValidUntil!.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    expect([await github(oldSecret), await github(newSecret)]).toEqual([202, 202]);
    expect(await github('some-other-secret')).toBe(401);
  });

  it('refuses the old signature once the grace period is over', async () => {
    await expirePreviousSecret('github');
    expect(await github(oldSecret)).toBe(401);
    expect(await github(newSecret)).toBe(202);
  });

  it('graceHours 0 refuses the previous secret at once', async () => {
    expect((await rotate('github', { mode: 'hmac', secret: 'github-hmac-secret-3', graceHours: 0 })).status).toBe(200);
    expect([await github(newSecret), await github('github-hmac-secret-3')]).toEqual([401, 202]);
  });
});

describe('token secret rotation', () => {
  const oldToken = SOURCES.generic.secret;

  it('bearer token: both valid during a short grace, the old one refused after it', async () => {
    expect((await rotate('generic', { mode: 'token', secret: 'generic-token-secret-2', graceHours: 0.5 })).status).toBe(200);
    expect([await generic(oldToken), await generic('generic-token-secret-2'), await generic('generic-token-wrong')]).toEqual([202, 202, 401]);
    await expirePreviousSecret('generic');
    expect([await generic(oldToken), await generic('generic-token-secret-2')]).toEqual([401, 202]);
  });

  it('GitLab token: same rules', async () => {
    const oldGitlab = SOURCES.gitlab.secret;
    expect((await rotate('gitlab', { mode: 'gitlab-token', secret: 'gitlab-token-secret-2', graceHours: 1 })).status).toBe(200);
    expect([await gitlab(oldGitlab), await gitlab('gitlab-token-secret-2')]).toEqual([202, 202]);
    await expirePreviousSecret('gitlab');
    expect([await gitlab(oldGitlab), await gitlab('gitlab-token-secret-2')]).toEqual([401, 202]);
  });

  it('changing the auth mode drops the previous secret at once', async () => {
    expect((await rotate('jenkins', { mode: 'hmac', secret: 'jenkins-now-hmac-1' })).status).toBe(200);
    const row = await db().source.findUniqueOrThrow({ where: { key: 'jenkins' } });
    expect([row.prevSecretHash, row.prevSecretEnc, row.prevValidUntil]).toEqual([null, null, null]);
  });

  it('refuses a grace period longer than 30 days with a 400 naming the field', async () => {
    const res = await rotate('generic', { mode: 'token', secret: 'generic-token-secret-9', graceHours: 10_000 });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/graceHours/);
  });
});

describe('audit of rotations', () => {
  it('records each rotation with its grace end and no secret', async () => {
    const entries = await db().auditEntry.findMany({ where: { action: 'source.update' }, orderBy: { at: 'asc' } });
    expect(entries.map((e) => e.subjectId)).toEqual(['github', 'github', 'generic', 'gitlab', 'jenkins']);
    expect(entries[0].after).toMatchObject({ secretRotated: true, previousValidUntil: expect.any(String) });
    expect(entries[1].after).toMatchObject({ secretRotated: true, previousValidUntil: null });
    const text = JSON.stringify(entries);
    for (const s of ['github-hmac-secret', 'generic-token-secret', 'gitlab-token-secret', 'jenkins-now-hmac']) expect(text).not.toContain(s);
  });
});
