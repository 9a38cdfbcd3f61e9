// Revoking the provisioning admin token lasts: the seed that npm start runs at every start
// provisions RAILYARD_ADMIN_TOKEN again, and a revoked value must stay revoked; a new value
// creates a new token (and retires the previous one).
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as meGet } from '@/app/api/me/route';
import { DELETE as tokenDelete } from '@/app/api/tokens/[id]/route';
import { provisionAdminToken } from '@/server/auth/tokens';
import { db } from '@/server/db/client';
import { ADMIN_TOKEN, closeAll, resetState } from '../../support/harness';
import { callRoute } from '../../support/http';
import { createPerson } from '../../support/people';

const meStatus = async (token: string) => (await callRoute(meGet, '/api/me', {}, { headers: { authorization: `Bearer ${token}` } })).status;

/** The seed as npm start runs it at each start, in its own process. */
function seedWith(adminToken: string) {
  const res = spawnSync('node_modules/.bin/tsx', ['prisma/seed/index.ts'], {
    env: { ...process.env, RAILYARD_ADMIN_TOKEN: adminToken, RAILYARD_ADMIN_PASSWORD: 'seed-admin-password', RAILYARD_DEMO_PEOPLE: 'false' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(res.status, res.stderr).toBe(0);
  return res.stdout + res.stderr;
}

beforeAll(async () => {
  await resetState();
});
afterAll(() => closeAll());

describe('the provisioning admin token', () => {
  it('stays revoked when the same value is provisioned again at the next start', async () => {
    expect(await meStatus(ADMIN_TOKEN)).toBe(200);
    const ada = await createPerson('admin', 'ada');
    const row = await db().apiToken.findFirstOrThrow({ where: { name: 'admin', userId: null } });
    const revoked = await callRoute(tokenDelete, `/api/tokens/${row.id}`, { id: row.id }, { method: 'DELETE', headers: ada.headers });
    expect(revoked.status).toBe(204);
    expect(await meStatus(ADMIN_TOKEN)).toBe(401);

    const out = seedWith(ADMIN_TOKEN);
    expect(out).toMatch(/was revoked and stays revoked/);
    expect(await meStatus(ADMIN_TOKEN)).toBe(401);
    expect(await provisionAdminToken(ADMIN_TOKEN)).toBe('revoked');
    expect(await meStatus(ADMIN_TOKEN)).toBe(401);
  });

  it('a new value creates a new token, and rotating again retires the previous one', async () => {
    const second = 'ry_rotated_admin_token_0002';
    seedWith(second);
    expect(await meStatus(second)).toBe(200);
    expect(await meStatus(ADMIN_TOKEN)).toBe(401);
    seedWith(second); // an ordinary restart keeps it
    expect(await meStatus(second)).toBe(200);

    const third = 'ry_rotated_admin_token_0003';
    expect(await provisionAdminToken(third)).toBe('created');
    expect(await meStatus(third)).toBe(200);
    expect(await meStatus(second)).toBe(401);
    const rows = await db().apiToken.findMany({ where: { name: 'admin', userId: null } });
    expect(rows.filter((r) => r.revokedAt === null)).toHaveLength(1);
    expect(rows).toHaveLength(3);
  });
});
