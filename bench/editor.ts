// `npm run bench:editor`: the visual editor and the run graph in headless Chromium, against a bare
// React Flow page in the same browser and run. Starts private Postgres, Redis, `next start` (a
// production build) and the worker, publishes generated workflows (BENCH_EDITOR_SIZES, default
// 50,300,1000 steps) and one 300-step run stopped at an approval, then per canvas: time to first
// render, frames per second while panning and while dragging a node. Prints one table, writes
// bench/results/editor-<timestamp>.json and editor-latest.json, stops everything it started.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { browserLaunchOptions } from './lib/browser';
import { editorWorkflowName, EDITOR_SOURCE, RUN_TYPE, seedEditorBench } from './lib/editor-seed';
import { waitForHttp } from './lib/http-load';
import { openPool } from './lib/runs-db';
import { closeServerClients } from './lib/seed';
import { onStop, spawnService, startDatabases, stopAll } from './lib/services';
import { printTable } from './lib/table';
import { ensureWebBuild } from './lib/web';
import { runEditorScenarios } from './scenarios/editor-canvas';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.railyard', 'bench-editor');
const say = (line: string) => console.log(`[bench:editor] ${line}`);
const tail: string[] = [];
const keep = (name: string) => (line: string) => void (tail.push(`[${name}] ${line}`), tail.length > 60 && tail.shift());
const port = (name: string, fallback: number) => Number(process.env[name] || fallback);

async function main() {
  const t0 = Date.now();
  const sizes = (process.env.BENCH_EDITOR_SIZES ?? '50,300,1000').split(',').map(Number);
  const runSteps = 300;
  const ports = { postgres: port('BENCH_EDITOR_PG_PORT', 54345), redis: port('BENCH_EDITOR_REDIS_PORT', 6399), web: port('BENCH_EDITOR_WEB_PORT', 3155) };
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const loadBefore = os.loadavg();

  say(`starting Postgres :${ports.postgres} and Redis :${ports.redis}…`);
  const { databaseUrl, redisUrl } = await startDatabases(dir, ports, true);
  const adminToken = `ry_bench_${randomBytes(18).toString('base64url')}`;
  const baseUrl = `http://localhost:${ports.web}`; // localhost: next-auth cookies are host-bound
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, RAILYARD_ADMIN_TOKEN: adminToken,
    RAILYARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'), NEXTAUTH_SECRET: randomBytes(32).toString('base64'),
    NEXTAUTH_URL: baseUrl, PORT: String(ports.web),
  };
  Object.assign(process.env, env); // the seed helpers read these

  // The web snapshot is shared with `npm run bench` (.railyard/bench/web), so one build serves both.
  const build = await ensureWebBuild(root, path.join(root, '.railyard', 'bench'), say);
  if ('error' in build) throw new Error(`the editor bench needs a production build: ${build.error}`);
  say(`starting next start :${ports.web} (${build.origin} build, ${build.action})…`);
  const web = spawnService('web', path.join(root, 'node_modules/.bin/next'), ['start', '-p', String(ports.web)],
    { cwd: build.dir, env: { ...env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' }, onLine: keep('web') });
  await waitForHttp(`http://127.0.0.1:${ports.web}/api/health`, 60_000, web.alive);
  const worker = spawnService('worker', 'npx', ['tsx', 'worker/index.ts'], { cwd: root, env, onLine: keep('worker'), readyPattern: /\[worker\] ready/ });
  await Promise.race([worker.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('worker not ready in 60 s')), 60_000))]);

  say(`publishing workflows of ${sizes.join(', ')} steps and a ${runSteps}-step run…`);
  const { sourceToken, admin } = await seedEditorBench({ adminToken, sizes, runSteps });
  onStop('bench clients', closeServerClients);
  const pool = openPool(databaseUrl);
  onStop('bench pool', () => pool.end());
  const runId = await startWaitingRun(pool, `${baseUrl}/api/events/${EDITOR_SOURCE}/${RUN_TYPE}`, sourceToken);

  const browser = await chromium.launch(browserLaunchOptions());
  onStop('chromium', () => browser.close());
  const { rows, json } = await runEditorScenarios({ browser, baseUrl, admin, sizes, workflowName: editorWorkflowName, runId, log: say });

  const loadAfter = os.loadavg();
  console.log('');
  printTable(rows);
  console.log(`\nproduction build (${build.origin}) · Chromium ${browser.version()} headless, no GPU · ` +
    `load average ${loadBefore[0].toFixed(2)} → ${loadAfter[0].toFixed(2)} on ${os.cpus().length} CPUs (others' load skews results)`);
  writeResults({ at: new Date().toISOString(), durationS: Math.round((Date.now() - t0) / 1000), chromium: browser.version(),
    machine: { cpus: os.cpus().length, loadavgBefore: loadBefore, loadavgAfter: loadAfter }, results: json });
}

/** Fires the run's event and waits until its approval step waits (half the steps done, half pending). */
async function startWaitingRun(pool: ReturnType<typeof openPool>, url: string, token: string) {
  const res = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ ref: 'main' }) });
  if (res.status !== 202) throw new Error(`event intake answered ${res.status}: ${await res.text()}`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    const { rows } = await pool.query(`SELECT "runId" FROM "StepRun" WHERE status = 'waiting' LIMIT 1`);
    if (rows[0]) return rows[0].runId as string;
    const { rows: runs } = await pool.query(`SELECT status, (SELECT json_object_agg(status, n) FROM (SELECT status, count(*) n FROM "StepRun" GROUP BY status) x) AS steps FROM "Run"`);
    if (Date.now() > deadline || ['succeeded', 'failed', 'cancelled'].includes(runs[0]?.status)) {
      throw new Error(`the bench run never reached its approval step: ${JSON.stringify(runs)}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

function writeResults(result: { at: string } & Record<string, unknown>) {
  const out = path.join(root, 'bench', 'results');
  fs.mkdirSync(out, { recursive: true });
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const file = path.join(out, `editor-${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(out, 'editor-latest.json'), text);
  say(`results: ${path.relative(root, file)} and bench/results/editor-latest.json`);
}

let exiting = false;
async function finish(code: number) {
  if (exiting) return;
  exiting = true;
  await stopAll(() => {});
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => void finish(130));

main().then(
  () => finish(0),
  (err: Error) => {
    console.error(`[bench:editor] failed: ${err.stack ?? err.message}`);
    if (tail.length) console.error(`[bench:editor] last web/worker output:\n${tail.join('\n')}`);
    void finish(1);
  },
);
