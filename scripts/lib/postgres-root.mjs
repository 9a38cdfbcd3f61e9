// Running the embedded Postgres as root. Postgres refuses to run as root, so it runs as a `postgres`
// system user, which must be able to reach its binaries and its data directory. In a container the
// checkout usually sits in /root (mode 0700), which that user cannot enter: then the data directory
// and, when node_modules is out of reach too, a copy of the binaries live under /var/lib/railyard.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_ROOT = '/var/lib/railyard';

/** { uid, gid } of the `postgres` user (created if missing) when we are root; {} otherwise. */
export function runAsIds() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** Whether the user `ids` can enter `dir` (which needs search permission on every folder above it). */
function canEnter(ids, dir) {
  return spawnSync('test', ['-x', dir], { ...ids, stdio: 'ignore' }).status === 0;
}

/**
 * Where the data directory really lives: `preferred` when the postgres user can reach it, else
 * /var/lib/railyard/<hash of preferred path and `key`>/pg. `key` (a per-checkout id) keeps a new
 * clone in the same folder from meeting a database made with another clone's secrets.
 */
export function reachableDataDir(preferred, ids, key = '') {
  if (ids.uid === undefined) return preferred;
  fs.mkdirSync(path.dirname(preferred), { recursive: true });
  if (canEnter(ids, path.dirname(preferred))) return preferred;
  const hash = createHash('sha256').update(`${preferred}\0${key}`).digest('hex').slice(0, 16);
  const parts = preferred.split(path.sep);
  const label = parts[parts.lastIndexOf('.railyard') - 1] || path.basename(path.dirname(preferred)); // the checkout's name
  const home = path.join(SHARED_ROOT, `${label.replace(/[^\w.-]/g, '_')}-${hash}`);
  fs.mkdirSync(home, { recursive: true, mode: 0o755 });
  fs.chmodSync(home, 0o755); // root-owned, enterable only (the pg folder inside is the postgres user's, 0700)
  fs.writeFileSync(path.join(home, 'origin'), `${preferred}\n`); // which checkout this belongs to, for people
  return path.join(home, path.basename(preferred));
}

/**
 * Binaries the postgres user can run: the package's own, or a copy under /var/lib/railyard when
 * node_modules is out of its reach. The copy is made once per package version (about 60 MB).
 */
export function runnableBinaries(mod, ids) {
  const native = path.dirname(path.dirname(mod.postgres));
  if (ids.uid === undefined || spawnSync(mod.postgres, ['--version'], { ...ids, stdio: 'ignore' }).status === 0) {
    return { initdb: mod.initdb, postgres: mod.postgres, copied: null };
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8'));
  const target = path.join(SHARED_ROOT, `postgres-${pkg.version}-${createHash('sha256').update(native).digest('hex').slice(0, 8)}`);
  if (!fs.existsSync(path.join(target, '.complete'))) {
    fs.mkdirSync(SHARED_ROOT, { recursive: true, mode: 0o755 });
    const partial = `${target}.partial-${process.pid}`;
    fs.rmSync(partial, { recursive: true, force: true });
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true }); // lib/*.so links are relative
    fs.chmodSync(partial, 0o755);
    fs.rmSync(target, { recursive: true, force: true });
    fs.renameSync(partial, target);
    fs.writeFileSync(path.join(target, '.complete'), `${native}\n`);
  }
  const copy = { initdb: path.join(target, 'bin/initdb'), postgres: path.join(target, 'bin/postgres'), copied: target };
  if (spawnSync(copy.postgres, ['--version'], { ...ids, stdio: 'ignore' }).status !== 0) {
    throw new Error(`The "postgres" user cannot run ${copy.postgres} either; set DATABASE_URL to an existing Postgres.`);
  }
  return copy;
}
