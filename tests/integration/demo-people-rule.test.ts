// The demo people (published password) exist only while npm start listens on loopback or when
// RAILYARD_DEMO_PEOPLE=true says so: started exposed, the seed disables them through the users
// use-case and the audit trail records the rule and the reason; back on loopback only the ones the
// rule disabled come back, never one an admin disabled. Also the seed's report that lets npm start
// print the admin password on the first start only. Real Postgres, the real seed script.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { resetDatabase } from '@/prisma/seed/helpers';
import { applyDemoPeopleRule } from '@/prisma/seed/demo-people-rule';
import { DEMO_PEOPLE, seedPeople } from '@/prisma/seed/people';
import { principalFromUserId } from '@/server/auth/principal';
import { disconnectDb } from '@/server/db/client';
import { queryAuditEntries } from '@/server/repositories/audit';
import { findUserByEmail } from '@/server/repositories/users';
import { changePassword } from '@/server/use-cases/change-password';
import { updateUserUseCase } from '@/server/use-cases/manage-users';

const ADMIN = { adminEmail: 'admin@railyard.local', adminPassword: 'first-admin-password' };
const disabled = async () => Object.fromEntries(
  await Promise.all(DEMO_PEOPLE.map(async (p) => [p.role, (await findUserByEmail(p.email))!.disabled])));

beforeEach(() => resetDatabase());
afterAll(() => disconnectDb());

describe('the demo-people rule', () => {
  it('disables the demo people when exposed, records why, and re-enables only those it disabled', async () => {
    await seedPeople({ ...ADMIN, demo: true });
    expect(await disabled()).toEqual({ viewer: false, releaser: false, editor: false });

    const off = await applyDemoPeopleRule(false, 'listening on 0.0.0.0');
    expect(off.disabled).toEqual(DEMO_PEOPLE.map((p) => p.email));
    expect(await disabled()).toEqual({ viewer: true, releaser: true, editor: true });
    const editor = (await findUserByEmail('editor@railyard.local'))!;
    const [entry] = await queryAuditEntries({ subjectId: editor.id, action: 'user.disable', limit: 1 });
    expect(entry).toMatchObject({ actorKind: 'system', actorName: 'demo-people rule (listening on 0.0.0.0)' });
    expect(await principalFromUserId(editor.id)).toBeNull(); // a disabled person cannot act

    // An admin enables the editor and then disables it on purpose: that choice must stick.
    const admin = (await principalFromUserId((await findUserByEmail(ADMIN.adminEmail))!.id))!;
    await updateUserUseCase(admin, editor.id, { disabled: false });
    await updateUserUseCase(admin, editor.id, { disabled: true });

    const on = await applyDemoPeopleRule(true, 'listening on 127.0.0.1');
    expect(on.enabled).toEqual(['viewer@railyard.local', 'releaser@railyard.local']);
    expect(await disabled()).toEqual({ viewer: false, releaser: false, editor: true });
    expect(await applyDemoPeopleRule(true, 'listening on 127.0.0.1')).toEqual({ disabled: [], enabled: [] });
  });

  it('an admin-disabled demo person stays disabled across an exposed and a loopback start', async () => {
    await seedPeople({ ...ADMIN, demo: true });
    const viewer = (await findUserByEmail('viewer@railyard.local'))!;
    const admin = (await principalFromUserId((await findUserByEmail(ADMIN.adminEmail))!.id))!;
    await updateUserUseCase(admin, viewer.id, { disabled: true });
    expect((await applyDemoPeopleRule(false, 'listening on 0.0.0.0')).disabled).not.toContain(viewer.email);
    expect((await applyDemoPeopleRule(true, 'listening on 127.0.0.1')).enabled).not.toContain(viewer.email);
    expect((await findUserByEmail(viewer.email))!.disabled).toBe(true);
  });
});

describe('the seed script as npm start runs it', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'railyard-seed-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const seed = async (extraEnv: Record<string, string | undefined>, args: string[] = []) => {
    const report = path.join(dir, `report-${Math.random()}.json`);
    const env: Record<string, string | undefined> = { ...process.env, RAILYARD_ADMIN_PASSWORD: ADMIN.adminPassword, ...extraEnv };
    for (const [k, v] of Object.entries(extraEnv)) if (v === undefined) delete env[k];
    await promisify(execFile)('node_modules/.bin/tsx', ['prisma/seed/index.ts', `--report=${report}`, ...args], { env: env as NodeJS.ProcessEnv });
    return JSON.parse(fs.readFileSync(report, 'utf8'));
  };

  it('exposed: no demo people; later starts report whether the first password still works', async () => {
    const first = await seed({ RAILYARD_DEMO_PEOPLE: 'false' }, ['--why=listening on 0.0.0.0']);
    expect(first).toMatchObject({ adminCreated: true, adminPasswordCurrent: true });
    for (const p of DEMO_PEOPLE) expect(await findUserByEmail(p.email)).toBeNull();

    expect(await seed({ RAILYARD_DEMO_PEOPLE: undefined })).toMatchObject({ adminCreated: false, adminPasswordCurrent: true });
    const admin = (await principalFromUserId((await findUserByEmail(ADMIN.adminEmail))!.id))!;
    await changePassword(admin, { current: ADMIN.adminPassword, next: 'a-new-password-1' });
    expect(await seed({})).toMatchObject({ adminCreated: false, adminPasswordCurrent: false });
  }, 60_000);
});
