// `npm start`: everything Railyard needs on one machine, from a fresh clone.
// Postgres (embedded) and Redis (private redis-server) unless DATABASE_URL / REDIS_URL are set,
// then migrations, seed, `next build` when stale, and the web and worker processes.
// Ctrl-C stops web and worker first, then Redis and Postgres, so nothing loses its database mid-shutdown.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onShutdownSignal, run, spawnGroup } from './lib/processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = path.join(root, '.railyard');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const say = (msg) => console.log(`[railyard] ${msg}`);

/** Per-checkout secrets, generated once and kept in .railyard/local.json (mode 0600). */
function loadLocalSecrets() {
  const file = path.join(dataDir, 'local.json');
  const saved = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const secrets = {
    encryptionKey: saved.encryptionKey ?? randomBytes(32).toString('base64'),
    authSecret: saved.authSecret ?? randomBytes(32).toString('base64'), // next-auth refuses to run in production without one
    ...(process.env.RAILYARD_ADMIN_TOKEN ? {} : { adminToken: saved.adminToken ?? `ry_${randomBytes(24).toString('base64url')}` }),
    // The first admin's password (used by the seed only while no user exists).
    ...(process.env.RAILYARD_ADMIN_PASSWORD ? {} : { adminPassword: saved.adminPassword ?? randomBytes(12).toString('base64url') }),
  };
  const next = { ...saved, ...secrets };
  if (JSON.stringify(next) !== JSON.stringify(saved)) fs.writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return {
    ...secrets,
    adminToken: process.env.RAILYARD_ADMIN_TOKEN ?? secrets.adminToken,
    adminPassword: process.env.RAILYARD_ADMIN_PASSWORD ?? secrets.adminPassword,
  };
}

async function waitForHttp(url, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && child.exitCode === null) {
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

async function main() {
  if (!fs.existsSync(path.join(root, 'node_modules/.package-lock.json'))) {
    say('node_modules is missing: running npm install (once)…');
    if ((await run('npm', ['install'], { cwd: root })) !== 0) throw new Error('npm install failed');
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secrets = loadLocalSecrets();
  const port = Number(process.env.PORT ?? 3000);

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const { startPostgres } = await import('./lib/postgres.mjs');
    const pg = await startPostgres({ dataDir: path.join(dataDir, 'pg'), port: 54320, database: 'railyard', log: (l) => say(`postgres: ${l}`) });
    cleanups.push(['postgres', pg.stop]);
    databaseUrl = pg.url;
    say(`postgres ready on ${databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const { startRedis } = await import('./lib/redis.mjs');
    const redis = await startRedis({ dir: path.join(dataDir, 'redis'), port: 6390 });
    cleanups.push(['redis', redis.stop]);
    redisUrl = redis.url;
    say(`redis ready on ${redisUrl}`);
  }

  const env = {
    // A self-hosted tool should not phone home; Next's telemetry is off unless asked for.
    NEXT_TELEMETRY_DISABLED: '1',
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    RAILYARD_ENCRYPTION_KEY: process.env.RAILYARD_ENCRYPTION_KEY ?? secrets.encryptionKey,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? secrets.authSecret,
    NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
    PORT: String(port),
  };

  if ((await run(bin('tsx'), ['scripts/db/migrate.ts'], { cwd: root, env })) !== 0) throw new Error('migrations failed');
  if (fs.existsSync(path.join(root, 'prisma/seed/index.ts'))) {
    const seedEnv = { ...env, RAILYARD_ADMIN_TOKEN: secrets.adminToken, RAILYARD_ADMIN_PASSWORD: secrets.adminPassword };
    if ((await run(bin('tsx'), ['prisma/seed/index.ts'], { cwd: root, env: seedEnv })) !== 0) throw new Error('seed failed');
  } else {
    say('prisma/seed/index.ts not found: skipping the seed (the admin token will not work).');
  }

  const { buildIfStale } = await import('./lib/build.mjs');
  say('checking the web build…');
  const build = await buildIfStale(root, { ...env, NODE_ENV: 'production' });
  if (build === 'failed') throw new Error('next build failed');
  say(build === 'fresh' ? 'web build is up to date' : 'web build done');

  const web = spawnGroup('web', bin('next'), ['start', '-p', String(port)], { cwd: root, env: { ...env, NODE_ENV: 'production' } });
  cleanups.push(['web', () => web.stop(10_000)]);
  const worker = spawnGroup('worker', bin('tsx'), ['worker/index.ts'], { cwd: root, env });
  // Web and worker stop together, before Redis and Postgres.
  cleanups.pop();
  cleanups.push(['web and worker', () => Promise.all([web.stop(10_000), worker.stop(15_000)])]);
  for (const proc of [web, worker]) {
    proc.exited.then(({ code, signal }) => {
      if (shuttingDown) return;
      console.error(`[railyard] ${proc.name} exited (${signal ?? code}); stopping everything.`);
      shutdown(1);
    });
  }

  const url = `http://localhost:${port}`;
  if (await waitForHttp(url, web.child)) {
    const line = '─'.repeat(60);
    const adminEmail = process.env.RAILYARD_ADMIN_EMAIL ?? 'admin@railyard.local';
    console.log(`\n${line}\n  Railyard is running: ${url}\n  Sign in as:          ${adminEmail} / ${secrets.adminPassword}\n` +
      `  Admin token:         ${secrets.adminToken}\n` +
      `  (kept in .railyard/local.json; the password is the first admin's until changed in Profile;\n` +
      `   Ctrl-C stops everything)\n${line}\n`);
  }
}

main().catch((error) => {
  console.error(`[railyard] ${error.message}`);
  shutdown(1);
});
