// A private redis-server child (no npm package ships a working Redis binary). Persistence is off:
// Redis only carries work and live updates, and the worker's reconciler rebuilds queues from Postgres.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { spawnGroup } from './processes.mjs';

function findRedisServer() {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).concat(['/usr/bin', '/usr/sbin', '/usr/local/bin', '/opt/homebrew/bin'])) {
    const file = path.join(dir, 'redis-server');
    if (fs.existsSync(file)) return file;
  }
  return null;
}

function installHint() {
  if (os.platform() === 'darwin') return 'brew install redis';
  const osRelease = fs.existsSync('/etc/os-release') ? fs.readFileSync('/etc/os-release', 'utf8') : '';
  if (/fedora|rhel|centos/i.test(osRelease)) return 'sudo dnf install -y redis';
  return 'sudo apt-get update && sudo apt-get install -y redis-server';
}

/** Installs Debian's redis-server when we may (root, or password-less sudo); otherwise explains how. */
function ensureRedisServer() {
  const found = findRedisServer();
  if (found) return found;
  const hasApt = fs.existsSync('/usr/bin/apt-get');
  const isRoot = process.getuid?.() === 0;
  const sudo = !isRoot && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;
  if (hasApt && (isRoot || sudo)) {
    console.log('redis-server is missing; installing it with apt-get…');
    const prefix = isRoot ? [] : ['sudo', '-n'];
    const sh = (args) => execFileSync(prefix[0] ?? args[0], prefix.length ? [...prefix.slice(1), ...args] : args.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    sh(['apt-get', 'update']);
    sh(['apt-get', 'install', '-y', 'redis-server']);
    const installed = findRedisServer();
    if (installed) return installed;
  }
  throw new Error(`redis-server is not installed. Install it with:\n    ${installHint()}\nor set REDIS_URL to an existing Redis (>= 7).`);
}

/** Resolves when a RESP PING on host:port answers +PONG. */
function ping(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (ok) => { socket.destroy(); resolve(ok); };
    socket.setTimeout(500, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (d) => done(String(d).startsWith('+PONG')));
  });
}

/** Starts redis-server on 127.0.0.1:`port` with working dir `dir`. Returns { url, stop, exited, pid }. */
export async function startRedis({ dir, port, quiet = true }) {
  const bin = ensureRedisServer();
  fs.mkdirSync(dir, { recursive: true });
  if (await ping(port)) throw new Error(`Something already answers on port ${port}: stop it or set REDIS_URL.`);
  const proc = spawnGroup('redis', bin, ['--port', String(port), '--bind', '127.0.0.1', '--dir', path.resolve(dir),
    '--save', '', '--appendonly', 'no', '--maxmemory-policy', 'noeviction'], { quiet });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`redis-server exited (${proc.child.exitCode}) during start; is port ${port} in use?`);
    if (await ping(port)) break;
    if (Date.now() > deadline) {
      await proc.stop(1000);
      throw new Error(`redis-server did not answer PING on port ${port} within 10 s`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  let stopping;
  return { url: `redis://127.0.0.1:${port}`, stop: () => (stopping ??= proc.stop(5000)), exited: proc.exited, pid: proc.child.pid };
}
