// Private Postgres, Redis and worker for one bench run, all children in their own process groups,
// stopped in reverse start order (worker and web before the databases they talk to) even when a
// measurement throws. Reuses the project's launch helpers so the bench starts services exactly as
// `npm start` does, only on bench ports.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { startPostgres } from '../../scripts/lib/postgres.mjs';
import { startRedis } from '../../scripts/lib/redis.mjs';
import { killGroup } from '../../scripts/lib/processes.mjs';
import { migrate } from '../../scripts/db/migrate';

type Stop = { name: string; stop: () => Promise<unknown> };
const stack: Stop[] = [];

/** Registers a cleanup; `stopAll` runs them last-in first-out. */
export const onStop = (name: string, stop: () => Promise<unknown>) => void stack.push({ name, stop });

export async function stopAll(log: (line: string) => void) {
  while (stack.length) {
    const { name, stop } = stack.pop()!;
    try {
      await stop();
      log(`stopped ${name}`);
    } catch (err) {
      log(`stopping ${name} failed: ${(err as Error).message}`);
    }
  }
}

export async function startDatabases(dir: string, ports: { postgres: number; redis: number }, fastPostgres: boolean) {
  const pg = await startPostgres({ dataDir: path.join(dir, 'pg'), port: ports.postgres, database: 'railyard_bench', fast: fastPostgres });
  onStop('postgres', pg.stop);
  const redis = await startRedis({ dir: path.join(dir, 'redis'), port: ports.redis });
  onStop('redis', redis.stop);
  await migrate(pg.url, { log: () => {} });
  return { databaseUrl: pg.url, redisUrl: redis.url };
}

export type Child = { child: ChildProcess; alive: () => boolean; stop: () => Promise<void> };

/**
 * Spawns `cmd` detached (own process group: `next start` forks next-server, `npx tsx` forks node,
 * and only a group kill reaches the grandchildren). Output goes to `logFile`-style callback so the
 * table stays readable; `ready` resolves when a line matches `readyPattern`.
 */
export function spawnService(name: string, cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; onLine: (line: string) => void; readyPattern?: RegExp }) {
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let ready: (v: void) => void;
  const isReady = new Promise<void>((resolve, reject) => {
    ready = resolve;
    child.on('exit', (code, signal) => reject(new Error(`${name} exited (${signal ?? code}) before it was ready`)));
    child.on('error', reject);
  });
  for (const stream of [child.stdout!, child.stderr!]) {
    readline.createInterface({ input: stream }).on('line', (line) => {
      opts.onLine(line);
      if (!opts.readyPattern || opts.readyPattern.test(line)) ready();
    });
  }
  isReady.catch(() => {}); // observed by the caller when it awaits `ready`
  const alive = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000);
    if (alive()) await exited;
    clearTimeout(timer);
    killGroup(child.pid, 'SIGKILL'); // leftovers in the group (next-server) after the leader exits
  };
  onStop(name, stop);
  return { child, alive, stop, ready: isReady } satisfies Child & { ready: Promise<void> };
}
