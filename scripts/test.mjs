// `npm test`: the whole suite on its own throwaway Postgres (54321) and Redis (6391) in
// .railyard/test/, never the data of `npm start`. Parts: import rules, unit + integration tests
// (vitest), web build, end-to-end tests (Playwright). Services are stopped whatever happens.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { onShutdownSignal, run } from './lib/processes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(root, '.railyard/test');
const bin = (name) => path.join(root, 'node_modules/.bin', name);
const say = (msg) => console.log(`\n[test] ${msg}`);

// Fixed, test-only secrets so failures reproduce; never used outside this run.
const TEST_ENV = {
  RAILYARD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
  RAILYARD_ADMIN_TOKEN: 'ry_test_admin_token_not_secret',
  NEXTAUTH_SECRET: 'test-nextauth-secret-not-secret',
  NEXTAUTH_URL: 'http://localhost:3100',
  RAILYARD_TEST_RUN: '1', // playwright.config.ts: never reuse a server already listening on 3100
  NEXT_TELEMETRY_DISABLED: '1',
};

const results = [];
const failures = [];

/** `file › test: first line of the error` for each failed test (or file that failed to load). */
function vitestFailures(report) {
  let json;
  try {
    json = JSON.parse(fs.readFileSync(report, 'utf8'));
  } catch {
    return [];
  }
  const firstLine = (m) => String(m ?? '').split('\n').find((l) => l.trim()) ?? '';
  const out = [];
  for (const file of json.testResults ?? []) {
    const name = path.relative(root, file.name);
    const failed = (file.assertionResults ?? []).filter((t) => t.status === 'failed');
    for (const t of failed) out.push(`${name} › ${t.fullName}: ${firstLine(t.failureMessages?.[0]).slice(0, 300)}`);
    if (!failed.length && file.status === 'failed') out.push(`${name}: ${firstLine(file.message).slice(0, 300)}`);
  }
  return out;
}
const services = [];
async function part(name, fn) {
  const started = Date.now();
  let status;
  try {
    status = await fn();
  } catch (error) {
    console.error(`[test] ${name}: ${error.message}`);
    status = 'failed';
  }
  results.push({ name, status, seconds: ((Date.now() - started) / 1000).toFixed(1) });
  return status;
}
const code = (c) => (c === 0 ? 'ok' : 'failed');

async function stopServices() {
  while (services.length) await services.pop()().catch(() => {});
}
onShutdownSignal(async () => {
  await stopServices();
  process.exit(130);
});

const PARTS = ['import rules', 'services', 'migrate', 'vitest', 'build', 'playwright'];
function summary() {
  for (const name of PARTS) if (!results.some((r) => r.name === name)) results.push({ name, status: 'skipped', seconds: '0.0' });
  results.sort((a, b) => PARTS.indexOf(a.name) - PARTS.indexOf(b.name));
  console.log('\n──────── test summary ────────');
  for (const r of results) console.log(`${r.status.padEnd(8)} ${r.name.padEnd(14)} ${r.seconds}s`);
  if (failures.length) {
    console.log('\nfailed tests:');
    for (const f of failures) console.log(`  ${f}`);
  }
  const failed = results.some((r) => r.status === 'failed');
  console.log(failed ? 'FAILED' : 'PASSED');
  return failed ? 1 : 0;
}

async function main() {
  const env = { ...process.env, ...TEST_ENV };
  await part('import rules', async () => code(await run('node', ['scripts/lint-imports.mjs'], { cwd: root })));

  const up = await part('services', async () => {
    fs.rmSync(testDir, { recursive: true, force: true });
    const { startPostgres } = await import('./lib/postgres.mjs');
    const { startRedis } = await import('./lib/redis.mjs');
    const pg = await startPostgres({ dataDir: path.join(testDir, 'pg'), port: 54321, database: 'railyard_test', fast: true, fresh: true, log: (l) => console.log(`[postgres] ${l}`) });
    services.push(pg.stop);
    const redis = await startRedis({ dir: path.join(testDir, 'redis'), port: 6391 });
    services.push(redis.stop);
    // The suite runs as the app role, like the product; only the reset helper and migrations own the tables.
    Object.assign(env, { DATABASE_URL: pg.appUrl, DATABASE_OWNER_URL: pg.ownerUrl, REDIS_URL: redis.url });
    return 'ok';
  });
  if (up !== 'ok') return;
  const migrateEnv = { ...env, DATABASE_MIGRATE_URL: env.DATABASE_OWNER_URL };
  if ((await part('migrate', async () => code(await run(bin('tsx'), ['scripts/db/migrate.ts'], { cwd: root, env: migrateEnv })))) !== 'ok') return;

  say('vitest (unit + integration)');
  // A JSON report besides the console: the summary names the failed tests at the very end, where a
  // CI log cut to its tail still shows them.
  const report = path.join(testDir, 'vitest.json');
  await part('vitest', async () =>
    code(await run(bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`], { cwd: root, env })));
  failures.push(...vitestFailures(report));

  const hasE2e = fs.existsSync(path.join(root, 'e2e')) &&
    fs.readdirSync(path.join(root, 'e2e'), { recursive: true }).some((f) => /\.spec\.tsx?$/.test(String(f)));
  if (!hasE2e) return say('no e2e/**/*.spec.ts yet: skipping build and playwright');
  say('next build (if stale)');
  const { buildIfStale } = await import('./lib/build.mjs');
  const built = await part('build', async () => {
    const r = await buildIfStale(root, { ...env, NODE_ENV: 'production' });
    return r === 'failed' ? 'failed' : r === 'fresh' ? 'fresh' : 'ok';
  });
  // A fresh build is as good as a new one; only a failed build stops the e2e run.
  if (built === 'failed') return;
  say('playwright');
  await part('playwright', async () => code(await run(bin('playwright'), ['test'], { cwd: root, env })));
}

let exitCode = 1;
try {
  await main();
} finally {
  await stopServices();
  exitCode = summary();
}
process.exit(exitCode);
