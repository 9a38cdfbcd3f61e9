// `npm start`: everything Railyard needs on one machine, from a fresh clone.
// Postgres (embedded) and Redis (private redis-server) unless DATABASE_URL / REDIS_URL are set,
// then migrations (as the owner), seed, `next build` when stale, and the web and worker processes
// (as the app role). Every part is supervised: a crashed web or worker is restarted with backoff;
// only Postgres or Redis failing for good stops everything. Ctrl-C stops web and worker first, then
// Redis and Postgres, so nothing loses its database mid-shutdown. With the embedded database (or
// RAILYARD_SANDBOX=true) it also runs the sandbox (scripts/sandbox/server.mjs): local stand-ins for
// Jira and Jenkins that the seeded demo pipeline shop-web talks to; RAILYARD_SANDBOX=false turns it off.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { banner, isLoopback } from './lib/banner.mjs';
import { loadLocalSecrets } from './lib/local-secrets.mjs';
import { onShutdownSignal, run } from './lib/processes.mjs';
import { supervise, superviseCommand } from './lib/supervise.mjs';
import { WEB_NODE_FLAGS } from './lib/web-node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.railyard');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const say = (msg) => console.log(`[railyard] ${msg}`);

async function waitForHttp(url, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !shuttingDown) {
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return false;
}

const cleanups = []; // run in reverse order of start
let shuttingDown = false;
async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  say('stopping…');
  while (cleanups.length) {
    const [name, stop] = cleanups.pop();
    await stop().catch((e) => console.error(`[railyard] stopping ${name} failed: ${e.message}`));
  }
  say('stopped.');
  process.exit(code);
}
onShutdownSignal(() => shutdown(0));
// A bug in the launcher itself must not leave Postgres, Redis, web or worker running without it.
for (const event of ['uncaughtException', 'unhandledRejection']) {
  process.on(event, (error) => {
    console.error(`[railyard] ${event}: ${error?.stack ?? error}`);
    shutdown(1);
  });
}

/**
 * npm install when node_modules is missing or package-lock.json changed since the last install
 * (after a `git pull` that adds a dependency, the build would otherwise fail on a missing module).
 */
async function installIfNeeded() {
  const stamp = path.join(dataDir, 'installed-lock.sha256');
  const lock = createHash('sha256').update(fs.readFileSync(path.join(root, 'package-lock.json'))).digest('hex');
  const installed = fs.existsSync(path.join(root, 'node_modules/.package-lock.json'));
  if (installed && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock) return;
  say(installed ? 'package-lock.json changed since the last install: running npm install…' : 'node_modules is missing: running npm install (once)…');
  if ((await run('npm', ['install', '--no-audit', '--no-fund'], { cwd: root })) !== 0) throw new Error('npm install failed');
  fs.writeFileSync(stamp, lock);
}

/** Postgres and Redis: restarted a few times after a crash, then everything stops. */
async function superviseService(name, start) {
  const part = supervise({
    name, start, maxFailures: 5,
    onGiveUp: () => { console.error(`[railyard] ${name} keeps failing: stopping everything.`); shutdown(1); },
  });
  cleanups.push([name, () => part.stop()]);
  return part.started;
}

async function main() {
  fs.mkdirSync(dataDir, { recursive: true });
  await installIfNeeded();
  const secrets = loadLocalSecrets(dataDir);
  const port = Number(process.env.PORT ?? 3000);
  // Loopback unless asked: a fresh install has a published demo password and no TLS.
  const host = process.env.HOST || '127.0.0.1';

  let databaseUrl = process.env.DATABASE_URL;
  let migrateUrl = process.env.DATABASE_MIGRATE_URL;
  if (!databaseUrl) {
    const { startPostgres } = await import('./lib/postgres.mjs');
    const pg = await superviseService('postgres', () => startPostgres({
      dataDir: path.join(dataDir, 'pg'), port: 54320, database: 'railyard', password: secrets.postgresPassword,
      appPassword: secrets.postgresAppPassword, dataKey: secrets.dataId, log: (l) => say(`postgres: ${l}`),
    }));
    [databaseUrl, migrateUrl] = [pg.appUrl, pg.ownerUrl];
    const outside = !pg.dataDir.startsWith(`${dataDir}${path.sep}`);
    say(`postgres ready on localhost:54320; data in ${pg.dataDir}` +
      (outside ? ' (outside the checkout: the postgres system user cannot enter it)' : ''));
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const { startRedis } = await import('./lib/redis.mjs');
    const redis = await superviseService('redis', () => startRedis({ dir: path.join(dataDir, 'redis'), port: 6390 }));
    redisUrl = redis.url;
    say(`redis ready on ${redisUrl}`);
  }

  // The sandbox serves the demo pipeline where no real Jira or Jenkins is configured: by default only
  // with the embedded database (a fresh try-out), never silently beside a production database.
  const sandboxFlag = process.env.RAILYARD_SANDBOX;
  const sandboxOn = sandboxFlag ? /^(true|1|yes|on)$/i.test(sandboxFlag) : !process.env.DATABASE_URL;
  const sandboxPort = Number(process.env.RAILYARD_SANDBOX_PORT || port + 10_000);
  const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;

  const { DATABASE_MIGRATE_URL: _owner, ...inherited } = process.env; // the owner's URL never reaches web or worker
  const env = {
    // A self-hosted tool should not phone home; Next's telemetry is off unless asked for.
    NEXT_TELEMETRY_DISABLED: '1',
    ...inherited,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    RAILYARD_ENCRYPTION_KEY: process.env.RAILYARD_ENCRYPTION_KEY ?? secrets.encryptionKey,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.authSecret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    PORT: String(port),
    // git.clone/git.push may use the demo pipeline's local repository (created by the seed).
    RAILYARD_GIT_LOCAL_REMOTES: [process.env.RAILYARD_GIT_LOCAL_REMOTES, path.join(dataDir, 'demo-git')].filter(Boolean).join(path.delimiter),
  };

  const migrateEnv = migrateUrl ? { ...env, DATABASE_MIGRATE_URL: migrateUrl } : env;
  if ((await run(bin('tsx'), ['scripts/db/migrate.ts'], { cwd: root, env: migrateEnv })) !== 0) throw new Error('migrations failed');

  // Demo people (published password) only on loopback, unless RAILYARD_DEMO_PEOPLE says otherwise.
  const explicit = process.env.RAILYARD_DEMO_PEOPLE;
  const demoPeople = explicit ? /^(true|1|yes|on)$/i.test(explicit) : isLoopback(host);
  const why = explicit ? `RAILYARD_DEMO_PEOPLE=${explicit}` : `listening on ${host}`;
  const reportFile = path.join(dataDir, 'seed-report.json');
  fs.rmSync(reportFile, { force: true });
  const seedEnv = { ...env, RAILYARD_ADMIN_TOKEN: secrets.adminToken, RAILYARD_ADMIN_PASSWORD: secrets.adminPassword, RAILYARD_DEMO_PEOPLE: String(demoPeople) };
  const seedArgs = ['prisma/seed/index.ts', `--report=${reportFile}`, `--why=${why}`, `--sandbox-url=${sandboxUrl}`];
  if ((await run(bin('tsx'), seedArgs, { cwd: root, env: seedEnv })) !== 0) {
    throw new Error('seed failed');
  }
  const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : null;

  const { buildIfStale } = await import('./lib/build.mjs');
  say('checking the web build…');
  const build = await buildIfStale(root, { ...env, NODE_ENV: 'production' });
  if (build === 'failed') throw new Error('next build failed');
  say(build === 'fresh' ? 'web build is up to date' : 'web build done');

  // scripts/web-server.mjs (when present) wraps Next's server; it takes the same flags as `next start`.
  const webServer = path.join(root, 'scripts/web-server.mjs');
  const [webCmd, webArgs] = fs.existsSync(webServer)
    ? [process.execPath, [...WEB_NODE_FLAGS, webServer, '-p', String(port), '-H', host]]
    : [bin('next'), ['start', '-p', String(port), '-H', host]];
  const web = superviseCommand('web', webCmd, webArgs, { spawnOptions: { cwd: root, env: { ...env, NODE_ENV: 'production' } } });
  const worker = superviseCommand('worker', bin('tsx'), ['worker/index.ts'], { spawnOptions: { cwd: root, env }, stopTimeoutMs: 15_000 });
  const probeHost = ['0.0.0.0', '::', ''].includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const sandbox = sandboxOn ? startSandbox(sandboxPort, `http://${probeHost}:${port}`) : null;
  // Web, worker and sandbox stop together, before Redis and Postgres.
  cleanups.push(['web and worker', () => Promise.all([web.stop(), worker.stop(), sandbox?.stop()])]);
  await Promise.all([web.started, worker.started, sandbox?.started]);
  say(sandboxOn
    ? `sandbox (stand-ins for Jira and Jenkins, used by the demo pipeline shop-web) on ${sandboxUrl}; RAILYARD_SANDBOX=false turns it off`
    : 'sandbox off: point the shop-web workflows and the JIRA_*/JENKINS_* secrets at your Jira and Jenkins');
  if (await waitForHttp(`http://${probeHost}:${port}`)) {
    const adminEmail = process.env.RAILYARD_ADMIN_EMAIL ?? 'admin@railyard.local';
    console.log(banner({ url: `http://localhost:${port}`, host, secrets, report, adminEmail, demoPeople, env: process.env }));
    secrets.markShown();
  }
}

/** The sandbox gets no database or Redis URL, no keys: only where to listen and whom to call back. */
function startSandbox(sandboxPort, railyardUrl) {
  const own = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('RAILYARD_SANDBOX_')));
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, ...own, RAILYARD_SANDBOX_PORT: String(sandboxPort),
    RAILYARD_SANDBOX_CALLBACK_URL: process.env.RAILYARD_SANDBOX_CALLBACK_URL ?? railyardUrl,
    RAILYARD_SANDBOX_STATE: path.join(dataDir, 'sandbox', 'state.json'),
  };
  return superviseCommand('sandbox', process.execPath, [path.join(root, 'scripts/sandbox/server.mjs')], { spawnOptions: { cwd: root, env } });
}

main().catch((error) => {
  console.error(`[railyard] ${error.message}`);
  shutdown(1);
});
