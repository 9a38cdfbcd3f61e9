// `npm run bench`: a self-contained performance run. Starts private Postgres, Redis, the web app
// (`next start`, or the route handler in-process when the build fails) and the worker on bench
// ports, seeds one source and the bench workflows, runs the scenarios in order, prints one table,
// writes bench/results/<timestamp>.json and latest.json, and stops everything it started.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchConfig } from './lib/config';
import { waitForHttp, type RequestSpec } from './lib/http-load';
import { startInProcessIntake } from './lib/in-process-web';
import { openPool } from './lib/runs-db';
import { closeServerClients, seedBench, SOURCE } from './lib/seed';
import { onStop, spawnService, startDatabases, stopAll } from './lib/services';
import { groupPids, pausable, readHeapProbe } from './lib/proc';
import { printTable, type Row } from './lib/table';
import { ensureWebBuild } from './lib/web';
import type { BenchContext, Scenario } from './scenarios/context';
import { ingest } from './scenarios/ingest';
import { latency } from './scenarios/latency';
import { ratios } from './scenarios/ratios';
import { rawBaseline } from './scenarios/raw-bullmq';
import { rawChainedBaseline } from './scenarios/raw-chained';
import { sseFanout } from './scenarios/sse-fanout';
import { stepOverhead } from './scenarios/step-overhead';
import { stepThroughput } from './scenarios/step-throughput';
import { WEB_NODE_FLAGS } from '../scripts/lib/web-node-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// BENCH_DIR: a private services folder, so two people can bench at once (with their own BENCH_*_PORT).
const benchDir = process.env.BENCH_DIR ? path.resolve(process.env.BENCH_DIR) : path.join(root, '.railyard', 'bench');
const heapProbeFile = path.join(benchDir, 'web-heap.json');
const say = (line: string) => console.log(`[bench] ${line}`);
const tail: string[] = []; // last lines of web/worker output, shown only if something fails
const keep = (name: string) => (line: string) => void (tail.push(`[${name}] ${line}`), tail.length > 60 && tail.shift());

/** Wipes the previous run's services; keeps the web snapshot (`web/`) whose build is reusable. */
function resetBenchDir() {
  fs.mkdirSync(benchDir, { recursive: true });
  for (const name of fs.readdirSync(benchDir)) if (name !== 'web') fs.rmSync(path.join(benchDir, name), { recursive: true, force: true });
}

async function portAnswers(port: number) {
  return fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(1000) }).then(() => true, () => false);
}

async function main() {
  const cfg = benchConfig();
  const t0 = Date.now();
  const loadBefore = os.loadavg();
  resetBenchDir();

  say(`starting Postgres :${cfg.ports.postgres} and Redis :${cfg.ports.redis}…`);
  const { databaseUrl, redisUrl } = await startDatabases(benchDir, cfg.ports, cfg.fastPostgres);
  const adminToken = `ry_bench_${randomBytes(18).toString('base64url')}`;
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, RAILYARD_ADMIN_TOKEN: adminToken,
    RAILYARD_ENCRYPTION_KEY: randomBytes(32).toString('base64'), RAILYARD_WORKER_CONCURRENCY: String(cfg.workerConcurrency),
    NEXTAUTH_SECRET: randomBytes(32).toString('base64'), NEXTAUTH_URL: `http://localhost:${cfg.ports.web}`, PORT: String(cfg.ports.web),
  };
  Object.assign(process.env, env); // the seed helpers and the in-process fallback read these

  let webMode: string = cfg.web;
  let webPgid: number | undefined;
  let webNote = '';
  if (await portAnswers(cfg.ports.web)) throw new Error(`port ${cfg.ports.web} is in use; set BENCH_WEB_PORT`);
  if (cfg.web === 'next') {
    const build = await ensureWebBuild(root, benchDir, say);
    if ('error' in build) {
      webMode = 'in-process';
      webNote = build.error;
      say(`${build.error}: falling back to the route handler in-process (report this: the web build is broken)`);
    } else {
      webNote = `${build.origin} build, ${build.action}`;
      // The production web process, as `npm start` runs it: Next behind scripts/web-server.mjs.
      say(`starting scripts/web-server.mjs :${cfg.ports.web} (${webNote})…`);
      // BENCH_WEB_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"): profile the web process under the bench.
      const nodeArgs = process.env.BENCH_WEB_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
      // The heap probe (bench/lib/heap-probe.mjs) lets the SSE scenario read live memory after a full GC.
      const probe = ['--expose-gc', '--import', pathToFileURL(path.join(root, 'bench/lib/heap-probe.mjs')).href];
      const web = spawnService('web', process.execPath, [...WEB_NODE_FLAGS, ...probe, ...nodeArgs, path.join(build.dir, 'scripts/web-server.mjs'), '-p', String(cfg.ports.web), '-H', '127.0.0.1'],
        { cwd: build.dir, env: { ...env, ...cfg.webEnv, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', BENCH_HEAP_PROBE_FILE: heapProbeFile }, onLine: keep('web') });
      await waitForHttp(`http://127.0.0.1:${cfg.ports.web}/api/health`, 60_000, web.alive);
      webPgid = web.child.pid;
    }
  }
  if (webMode === 'in-process') {
    Object.assign(process.env, cfg.webEnv);
    const server = await startInProcessIntake(cfg.ports.web);
    onStop('in-process intake', server.stop);
  }

  say('starting the worker…');
  // BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the worker alone.
  const workerArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const worker = spawnService('worker', 'npx', ['tsx', ...workerArgs, 'worker/index.ts'], { cwd: root, env, onLine: keep('worker'), readyPattern: /\[worker\] ready/ });
  await Promise.race([worker.ready, new Promise((_, reject) => setTimeout(() => reject(new Error('worker not ready in 60 s')), 60_000))]);
  const workerSignals = pausable(() => worker.child.pid);
  onStop('worker resume', async () => workerSignals.resume()); // a paused worker would ignore SIGTERM

  say(`starting the bare intake server :${cfg.ports.bare}…`);
  const bareServer = spawnService('bare', process.execPath, [path.join(root, 'bench/lib/bare-intake.mjs'), String(cfg.ports.bare)],
    { cwd: root, env: { ...env, BARE_POOL: process.env.RAILYARD_DB_POOL ?? '20' }, onLine: keep('bare'), readyPattern: /\[bare\] listening/ });
  await bareServer.ready;

  const { sourceToken } = await seedBench({ adminToken, chainLengths: cfg.steps?.lengths ?? [] });
  onStop('bench clients', closeServerClients);
  const pool = openPool(databaseUrl);
  onStop('bench pool', () => pool.end());

  const baseUrl = `http://127.0.0.1:${cfg.ports.web}`;
  const intake = (type: string, phase: string): RequestSpec => ({
    url: `${baseUrl}/api/events/${SOURCE}/${type}`,
    headers: { authorization: `Bearer ${sourceToken}`, 'content-type': 'application/json' },
    body: (i) => JSON.stringify({ phase, i }),
  });
  const bare = (type: string, phase: string): RequestSpec => ({
    url: `http://127.0.0.1:${cfg.ports.bare}/bare/${SOURCE}/${type}`,
    headers: { authorization: `Bearer ${sourceToken}`, 'content-type': 'application/json' },
    body: (i) => JSON.stringify({ phase, i }),
  });
  const webPids = () => (webPgid ? groupPids(webPgid) : [process.pid]);
  const webHeap = () => (webPgid ? readHeapProbe(webPgid, heapProbeFile) : Promise.resolve(null));
  const ctx: BenchContext = { baseUrl, redisUrl, pool, intake, bare, worker: workerSignals, webPids, webHeap, adminToken, log: say, results: {} };

  // Raw BullMQ first, while web and worker are idle, so the ceiling is measured on a quiet Redis.
  const all: Scenario[] = [
    rawBaseline(cfg.raw),
    // The step ceiling at the product's concurrency, shaped like the step scenarios below.
    rawChainedBaseline({ hops: 200, chains: cfg.steps?.throughput.runs ?? 100, chainHops: cfg.steps?.throughput.steps ?? 10, concurrency: cfg.workerConcurrency }),
    ingest(cfg.ingest),
    latency(cfg.latency),
    ...(cfg.steps ? [stepOverhead(cfg.steps), stepThroughput({ ...cfg.steps.throughput, concurrency: 32, workerConcurrency: cfg.workerConcurrency })] : []),
    sseFanout(cfg.sse),
    ratios,
  ];
  // BENCH_ONLY=rawBullmq,stepOverhead,stepThroughput runs just those scenarios (names as in the JSON).
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
  const scenarios = only?.length ? all.filter((s) => only.includes(s.name)) : all;
  const rows: Row[] = [];
  for (const scenario of scenarios) {
    say(`running ${scenario.name}…`);
    const s0 = Date.now();
    const { json, rows: r } = await scenario.run(ctx);
    ctx.results[scenario.name] = json;
    rows.push(...r);
    say(`${scenario.name} done in ${((Date.now() - s0) / 1000).toFixed(1)} s`);
  }

  const loadAfter = os.loadavg();
  const result = {
    at: new Date().toISOString(),
    durationS: Math.round((Date.now() - t0) / 100) / 10,
    git: gitInfo(),
    machine: { cpus: os.cpus().length, node: process.version, loadavgBefore: loadBefore, loadavgAfter: loadAfter },
    config: { ...cfg, steps: cfg.steps && { ...cfg.steps, repeats: cfg.steps.lengths.map((n) => cfg.steps!.repeats(n)) }, web: webMode, webNote },
    results: ctx.results,
  };
  console.log('');
  printTable(rows);
  console.log(`\nweb: ${webMode} (${webNote}) · Postgres ${cfg.fastPostgres ? 'fsync off' : 'durable'} · worker concurrency ${cfg.workerConcurrency} · ` +
    `load average ${loadBefore[0].toFixed(2)} → ${loadAfter[0].toFixed(2)} on ${os.cpus().length} CPUs (others' load skews results)`);
  writeResults(result);
}

function gitInfo() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: root, encoding: 'utf8' }).trim() !== '';
    return { head, dirty };
  } catch {
    return null;
  }
}

function writeResults(result: { at: string }) {
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const text = `${JSON.stringify(result, null, 2)}\n`;
  const file = path.join(dir, `${result.at.replace(/[:.]/g, '-')}.json`);
  fs.writeFileSync(file, text);
  fs.writeFileSync(path.join(dir, 'latest.json'), text);
  say(`results: ${path.relative(root, file)} and bench/results/latest.json`);
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
    console.error(`[bench] failed: ${err.stack ?? err.message}`);
    if (tail.length) console.error(`[bench] last web/worker output:\n${tail.join('\n')}`);
    void finish(1);
  },
);
