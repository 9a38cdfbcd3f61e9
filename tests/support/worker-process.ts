// The real worker process (`tsx worker/index.ts`) as a child of a test, for crash tests that an
// in-process worker cannot stand in for: `kill -9` must take the whole process, its timers, its
// Redis connections and its in-flight HTTP calls with it, exactly as in production.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { killGroup } from '../../scripts/lib/processes.mjs';

export type WorkerProcess = {
  pid: number;
  /** stdout and stderr lines, for diagnosing a failed test. */
  output: string[];
  /** `kill -9` the whole process group (tsx runs node as a child: killing only the leader would orphan it). */
  kill9(): Promise<void>;
  /** SIGTERM (the worker's graceful shutdown), SIGKILL after `timeoutMs`. */
  stop(timeoutMs?: number): Promise<void>;
  /** How the process ended (null while it runs). */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
};

const root = fileURLToPath(new URL('../..', import.meta.url));
const alive = new Set<WorkerProcess>();

const hasExited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Spawns the worker in its own process group and resolves once it reports ready. */
export async function startWorkerProcess(env: Record<string, string | undefined> = {}, readyTimeoutMs = 30_000): Promise<WorkerProcess> {
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['worker/index.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
  }
  const exited = new Promise<void>((resolve) => {
    if (hasExited(child)) resolve();
    child.once('exit', () => resolve());
    child.once('error', () => resolve());
  });
  const signalAndWait = async (signal: NodeJS.Signals, timeoutMs: number) => {
    if (!hasExited(child)) killGroup(child.pid, signal);
    const escalate = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(escalate);
    killGroup(child.pid, 'SIGKILL'); // whatever is left in the group once the leader is gone
    alive.delete(worker);
  };
  const worker: WorkerProcess = {
    pid: child.pid!,
    output,
    kill9: () => signalAndWait('SIGKILL', 5_000),
    stop: (timeoutMs = 15_000) => signalAndWait('SIGTERM', timeoutMs),
    exit: () => (hasExited(child) ? { code: child.exitCode, signal: child.signalCode } : null),
  };
  alive.add(worker);

  const deadline = Date.now() + readyTimeoutMs;
  while (!output.some((l) => l.includes('[worker] ready'))) {
    if (hasExited(child) || Date.now() > deadline) {
      await worker.kill9();
      throw new Error(`worker process did not become ready:\n${output.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return worker;
}

/** afterEach/afterAll: no worker outlives its test, even when the test failed halfway. */
export async function stopAllWorkerProcesses(): Promise<void> {
  await Promise.all([...alive].map((w) => w.kill9()));
}
