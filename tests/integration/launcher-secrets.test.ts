// npm start's local secrets and banner (scripts/lib/local-secrets.mjs, banner.mjs): the embedded
// Postgres gets generated passwords (not the fixed 'postgres') kept with the other secrets in a
// 0600 file, stable across starts; the admin password and token are printed on the first start
// only, afterwards the banner says where they are kept or that the password was changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { banner, isLoopback } from '@/scripts/lib/banner.mjs';
import { loadLocalSecrets } from '@/scripts/lib/local-secrets.mjs';

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'ry-secrets-'));

describe('local secrets', () => {
  it('generates per-checkout Postgres passwords, keeps them in a 0600 file and reuses them', () => {
    const d = dir();
    const first = loadLocalSecrets(d, {});
    expect(first.postgresPassword).toMatch(/^[\w-]{32}$/);
    expect(first.postgresAppPassword).toMatch(/^[\w-]{32}$/);
    expect(first.postgresPassword).not.toBe(first.postgresAppPassword);
    expect(fs.statSync(path.join(d, 'local.json')).mode & 0o777).toBe(0o600);
    const second = loadLocalSecrets(d, {});
    expect([second.postgresPassword, second.postgresAppPassword, second.dataId]).toEqual([first.postgresPassword, first.postgresAppPassword, first.dataId]);
    expect(loadLocalSecrets(dir(), {}).postgresPassword).not.toBe(first.postgresPassword);
  });

  it('prints the generated admin password and token on the first start only', () => {
    const d = dir();
    const common = { url: 'http://localhost:3000', host: '127.0.0.1', adminEmail: 'admin@railyard.local', demoPeople: true, env: {} };
    const first = loadLocalSecrets(d, {});
    const report = { adminPasswordCurrent: true };
    const shown = banner({ ...common, secrets: first, report });
    expect(shown).toContain(first.adminPassword);
    expect(shown).toContain(first.adminToken);
    first.markShown();
    const later = banner({ ...common, secrets: loadLocalSecrets(d, {}), report });
    expect(later).not.toContain(first.adminPassword);
    expect(later).not.toContain(first.adminToken);
    expect(later).toContain('password in .railyard/local.json');
    const changed = banner({ ...common, secrets: loadLocalSecrets(d, {}), report: { adminPasswordCurrent: false } });
    expect(changed).toContain('first password was changed since');
  });

  it('treats only loopback addresses as private', () => {
    expect(['127.0.0.1', 'localhost', '::1', '127.1.2.3'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.5'].map(isLoopback)).toEqual([false, false, false]);
  });
});
