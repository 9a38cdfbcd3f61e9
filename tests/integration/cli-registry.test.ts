// `railyard export` and `railyard import` as a person runs them: the real CLI process talking HTTP
// to the real route handlers.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as exportGet } from '@/app/api/export/route';
import { POST as importPost } from '@/app/api/import/route';
import { db } from '@/server/db/client';
import { ADMIN_TOKEN, closeAll, publishYaml, resetState } from '../support/harness';
import { startRouteServer } from '../support/route-server';

const run = promisify(execFile);
let server: Awaited<ReturnType<typeof startRouteServer>>;
const dir = mkdtempSync(path.join(tmpdir(), 'railyard-cli-'));

const cli = (...args: string[]) =>
  run(path.resolve('node_modules/.bin/tsx'), ['cli/railyard.ts', ...args], { env: { ...process.env, RAILYARD_URL: server.url, RAILYARD_TOKEN: ADMIN_TOKEN } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );

beforeAll(async () => {
  await resetState();
  await publishYaml('apiVersion: railyard/v1\nkind: Workflow\nname: cli-hello\ntrigger: { source: generic, type: hello }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n');
  server = await startRouteServer({ 'GET /api/export': exportGet, 'POST /api/import': importPost });
});
afterAll(async () => {
  await server.close();
  await closeAll();
});

describe('railyard export / import', () => {
  it('exports to a file and imports it back, unchanged', async () => {
    const out = path.join(dir, 'registry.yaml');
    const exported = await cli('export', '--out', out);
    expect(exported.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('name: cli-hello');
    const imported = await cli('import', out);
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout);
    expect(report.unchanged).toContainEqual({ kind: 'Workflow', name: 'cli-hello', version: 1 });
  });

  it('exits 1 and prints the problems when the import is refused', async () => {
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, '---\napiVersion: railyard/v1\nkind: Source\nkey: Not_A_Key\nname: x\npreset: generic\nauthMode: token\n');
    const r = await cli('import', bad);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stderr).problems[0]).toMatchObject({ document: { index: 1, kind: 'Source', name: 'Not_A_Key' }, field: 'key' });
    expect(await db().source.findUnique({ where: { key: 'Not_A_Key' } })).toBeNull();
  });
});
