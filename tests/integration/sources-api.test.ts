// Managing sources over the API: secrets go in once and never come back out, rotation with no grace period takes
// effect at once, and every change needs an admin token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as sourcesGet, POST as sourcesPost } from '@/app/api/sources/route';
import { GET as sourceGet, PATCH as sourcePatch } from '@/app/api/sources/[key]/route';
import { callRoute } from '../support/http';
import { admin, closeAll, postEvent, resetState } from '../support/harness';

beforeAll(resetState);
afterAll(() => closeAll());

const create = (body: object, headers: Record<string, string> = admin) =>
  callRoute(sourcesPost, '/api/sources', {}, { method: 'POST', headers, body });
const patch = (key: string, body: object, headers: Record<string, string> = admin) =>
  callRoute(sourcePatch, `/api/sources/${key}`, { key }, { method: 'PATCH', headers, body });
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

const deployScript = {
  key: 'deploy-script',
  name: 'Deploy script',
  description: 'Our bash deploy.',
  preset: 'generic',
  auth: { mode: 'token', secret: 'first-secret-value' },
};

describe('sources API', () => {
  it('creates a source (201) and never answers with its secret', async () => {
    const res = await create(deployScript);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      key: 'deploy-script', name: 'Deploy script', description: 'Our bash deploy.', preset: 'generic', authMode: 'token', createdAt: expect.any(String),
    });
    const everything = JSON.stringify([res.body, (await callRoute(sourcesGet, '/api/sources', {}, { headers: admin })).body, (await callRoute(sourceGet, '/api/sources/deploy-script', { key: 'deploy-script' }, { headers: admin })).body]);
    expect(everything).not.toContain('first-secret-value');
    expect(everything).not.toMatch(/secret(Hash|Enc)/);
    // The new source accepts events with its token at once.
    expect((await postEvent('deploy-script', 'deployed', { ok: 1 }, bearer('first-secret-value'), { auth: false })).status).toBe(202);
  });

  it('refuses a duplicate key with 409', async () => {
    const res = await create({ ...deployScript, name: 'Again' });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatch(/already exists/);
  });

  it('refuses a bad preset with 400 naming the field', async () => {
    const res = await create({ ...deployScript, key: 'gitea', preset: 'gitea' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/preset/);
    expect((await callRoute(sourceGet, '/api/sources/gitea', { key: 'gitea' }, { headers: admin })).status).toBe(404);
  });

  it('refuses a short secret and a bad key with 400 naming the field', async () => {
    const short = await create({ ...deployScript, key: 'short', auth: { mode: 'token', secret: 'abc' } });
    expect(short.status).toBe(400);
    expect(short.body.error).toMatch(/auth\.secret/);
    const key = await create({ ...deployScript, key: 'Not A Key' });
    expect(key.status).toBe(400);
    expect(key.body.error).toMatch(/key/);
  });

  it('PATCH renames and rotates the secret with no grace: old token 401, new token 202', async () => {
    // graceHours 0 = immediate; the grace period itself is covered in accounts/secret-rotation.test.ts.
    const res = await patch('deploy-script', { name: 'Deploy (v2)', auth: { mode: 'token', secret: 'second-secret-value', graceHours: 0 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'deploy-script', name: 'Deploy (v2)', authMode: 'token' });
    expect(JSON.stringify(res.body)).not.toContain('second-secret-value');

    const old = await postEvent('deploy-script', 'deployed', { ok: 2 }, bearer('first-secret-value'), { auth: false });
    expect(old.status).toBe(401);
    expect(old.body.error).toMatch(/invalid token/);
    const fresh = await postEvent('deploy-script', 'deployed', { ok: 3 }, bearer('second-secret-value'), { auth: false });
    expect(fresh.status).toBe(202);
  });

  it('PATCH of an unknown source is 404', async () => {
    expect((await patch('ghost', { name: 'x' })).status).toBe(404);
  });

  it('requires an admin token: 401 without one, 401 with a bad one, nothing changed', async () => {
    for (const headers of [{}, bearer('ry_definitely_not_a_token'), bearer('second-secret-value')]) {
      const created = await create({ ...deployScript, key: 'sneaky' }, headers);
      expect(created.status).toBe(401);
      expect(created.body.error).toMatch(/API token/);
      const patched = await patch('deploy-script', { name: 'hijacked' }, headers);
      expect(patched.status).toBe(401);
    }
    expect((await callRoute(sourceGet, '/api/sources/sneaky', { key: 'sneaky' }, { headers: admin })).status).toBe(404);
    expect((await callRoute(sourceGet, '/api/sources/deploy-script', { key: 'deploy-script' }, { headers: admin })).body.name).toBe('Deploy (v2)');
  });
});
