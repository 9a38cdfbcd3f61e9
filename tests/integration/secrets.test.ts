// Named secrets over the API: values go in once, are stored encrypted, never come back out, and
// every route needs an admin token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listGet, POST as createPost } from '@/app/api/secrets/route';
import { DELETE as secretDelete, PUT as secretPut } from '@/app/api/secrets/[name]/route';
import { decrypt } from '@/server/crypto';
import { findEncryptedSecrets } from '@/server/repositories/secrets';
import { loadSecrets } from '@/server/secrets/load-secrets';
import { callRoute } from '../support/http';
import { admin, closeAll, resetState } from '../support/harness';

beforeAll(resetState);
afterAll(() => closeAll());

type Headers = Record<string, string>;
const create = (body: unknown, headers: Headers = admin) =>
  callRoute(createPost, '/api/secrets', {}, { method: 'POST', headers, body: JSON.stringify(body) });
const put = (name: string, body: unknown, headers: Headers = admin) =>
  callRoute(secretPut, `/api/secrets/${name}`, { name }, { method: 'PUT', headers, body: JSON.stringify(body) });
const remove = (name: string, headers: Headers = admin) =>
  callRoute(secretDelete, `/api/secrets/${name}`, { name }, { method: 'DELETE', headers });
const list = (headers: Headers = admin) => callRoute(listGet, '/api/secrets', {}, { headers });
const storedRow = async (name: string) => (await findEncryptedSecrets([name]))[0];

const summary = (name: string) => ({ name, createdAt: expect.any(String), updatedAt: expect.any(String) });

describe('secrets API', () => {
  it('creates a secret (201), stores it encrypted and answers with its name only', async () => {
    const res = await create({ name: 'DEPLOY_TOKEN', value: 'tok-first-value-123' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual(summary('DEPLOY_TOKEN'));
    const row = await storedRow('DEPLOY_TOKEN');
    expect(row.valueEnc).not.toBe('tok-first-value-123');
    expect(row.valueEnc).not.toContain('tok-first-value');
    expect(decrypt(row.valueEnc)).toBe('tok-first-value-123');
  });

  it('replaces a value with POST (200) or PUT (200), and PUT creates a missing one (201)', async () => {
    expect((await create({ name: 'DEPLOY_TOKEN', value: 'tok-second-value-456' })).status).toBe(200);
    expect(decrypt((await storedRow('DEPLOY_TOKEN')).valueEnc)).toBe('tok-second-value-456');
    const replaced = await put('DEPLOY_TOKEN', { value: 'tok-third-value-789' });
    expect(replaced.status).toBe(200);
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThan(Date.parse(replaced.body.createdAt));
    expect(decrypt((await storedRow('DEPLOY_TOKEN')).valueEnc)).toBe('tok-third-value-789');
    const created = await put('SMTP_PASS', { value: 'smtp-pass-value' });
    expect(created.status).toBe(201);
    expect(created.body).toEqual(summary('SMTP_PASS'));
  });

  it('lists names and dates, never values', async () => {
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.body).toEqual([summary('DEPLOY_TOKEN'), summary('SMTP_PASS')]);
    expect(JSON.stringify(res.body)).not.toMatch(/tok-|smtp-pass-value|valueEnc/);
  });

  it('gives the worker the decrypted values it asks for', async () => {
    expect(await loadSecrets(['SMTP_PASS', 'MISSING'])).toEqual({ SMTP_PASS: 'smtp-pass-value' });
    expect(await loadSecrets()).toEqual({ DEPLOY_TOKEN: 'tok-third-value-789', SMTP_PASS: 'smtp-pass-value' });
    expect(await loadSecrets([])).toEqual({});
  });

  it('deletes a secret (204), then answers 404', async () => {
    expect((await remove('SMTP_PASS')).status).toBe(204);
    expect((await remove('SMTP_PASS')).status).toBe(404);
    expect((await list()).body).toEqual([summary('DEPLOY_TOKEN')]);
  });

  it.each([
    ['lower-case', 'deploy_token'],
    ['a leading digit', '1TOKEN'],
    ['a dash', 'DEPLOY-TOKEN'],
    ['more than 64 characters', `A${'B'.repeat(64)}`],
  ])('refuses a name with %s (400) and says what a name must look like', async (_what, name) => {
    const res = await create({ name, value: 'some-value-1' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/invalid secret name .*upper-case letters, digits and "_"/);
    expect((await put(name, { value: 'some-value-1' })).status).toBe(400);
  });

  it('refuses a bad body (400) without echoing the value', async () => {
    const cases = [{ name: 'EMPTY', value: '' }, { name: 'NUMBER', value: 12345 }, { name: 'EXTRA', value: 'hidden-value-x', note: 1 }];
    for (const body of cases) {
      const res = await create(body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain('hidden-value-x');
    }
    const malformed = await callRoute(createPost, '/api/secrets', {}, { method: 'POST', headers: admin, body: '{"name":' });
    expect(malformed.status).toBe(400);
  });

  it('requires an admin token on every route (401)', async () => {
    const anonymous = {};
    const wrong = { authorization: 'Bearer ry_not_a_real_token_000000' };
    for (const headers of [anonymous, wrong]) {
      expect((await list(headers)).status).toBe(401);
      expect((await create({ name: 'SNEAKY', value: 'sneaky-value' }, headers)).status).toBe(401);
      expect((await put('DEPLOY_TOKEN', { value: 'overwritten' }, headers)).status).toBe(401);
      expect((await remove('DEPLOY_TOKEN', headers)).status).toBe(401);
    }
    expect(decrypt((await storedRow('DEPLOY_TOKEN')).valueEnc)).toBe('tok-third-value-789');
    expect(await findEncryptedSecrets(['SNEAKY'])).toEqual([]);
  });
});
