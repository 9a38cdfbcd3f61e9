// `npm start` supervision (scripts/lib/supervise.mjs) on real child processes: a part killed with
// SIGKILL is started again with a doubling delay that resets after a healthy run, a part that
// keeps failing is given up (how Postgres and Redis failing for good stop everything), and
// SIGTERM/Ctrl-C to the launcher stops every child it supervises.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { startRedis } from '@/scripts/lib/redis.mjs';
import { supervise, superviseCommand } from '@/scripts/lib/supervise.mjs';
import { waitFor } from '../support/harness';
import { processGroup } from '../support/procs';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
// waitFor accepts any value but undefined/false, so answer exactly those while waiting.
const restartedPid = (part: { current: { pid: number } | null }, previous: number) =>
  part.current && part.current.pid !== previous ? part.current.pid : undefined;
const idle = ['-e', 'setInterval(() => {}, 1 << 30)'];

describe('supervise', () => {
  it('restarts a child killed with SIGKILL, doubling the delay and resetting it after a healthy run', async () => {
    const logs: string[] = [];
    const part = superviseCommand('worker', process.execPath, idle, {
      initialMs: 100, maxMs: 400, resetAfterMs: 1500, log: (l: string) => logs.push(l), spawnOptions: { quiet: true },
    });
    const first = await part.started;
    const pids = [first.pid];
    for (let i = 0; i < 4; i++) {
      process.kill(pids.at(-1)!, 'SIGKILL');
      const next = await waitFor(async () => restartedPid(part, pids.at(-1)!), 5000, 'a restart');
      pids.push(next);
    }
    expect(new Set(pids).size).toBe(5);
    expect(logs).toEqual([100, 200, 400, 400].map((ms, i) =>
      `[railyard] worker exited (SIGKILL); restarting in ${ms / 1000} s (restart ${i + 1})`));
    // Up longer than resetAfterMs: the next crash waits the initial delay again.
    await new Promise((r) => setTimeout(r, 1700));
    process.kill(pids.at(-1)!, 'SIGKILL');
    await waitFor(async () => restartedPid(part, pids.at(-1)!), 5000, 'a restart after reset');
    expect(logs.at(-1)).toBe('[railyard] worker exited (SIGKILL); restarting in 0.1 s (restart 5)');
    await part.stop();
    expect(part.current).toBeNull();
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });

  it('ends the rest of the process group when its leader is killed, before restarting', async () => {
    // The leader forks a grandchild (like tsx and next start do) and prints its pid.
    const forking = ['-e', `const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1 << 30)'], { stdio: 'ignore' });
      console.log('grandchild ' + c.pid); setInterval(() => {}, 1 << 30);`];
    const part = superviseCommand('web', process.execPath, forking, { initialMs: 100, log: () => {}, spawnOptions: { quiet: true } });
    const first = await part.started;
    const grandchild = await waitFor(async () => {
      return processGroup(first.pid).find((p) => p !== first.pid);
    }, 5000, 'the grandchild');
    process.kill(first.pid, 'SIGKILL');
    await waitFor(async () => restartedPid(part, first.pid), 5000, 'a restart');
    await waitFor(async () => !alive(grandchild), 5000, 'the orphaned grandchild to be ended');
    await part.stop();
  });

  it('gives up on a part that keeps failing and reports it', async () => {
    const logs: string[] = [];
    let gaveUp = '';
    const part = superviseCommand('postgres', process.execPath, ['-e', 'process.exit(3)'], {
      initialMs: 50, maxFailures: 3, log: (l: string) => logs.push(l), onGiveUp: (reason: string) => (gaveUp = reason),
      spawnOptions: { quiet: true },
    });
    await part.started;
    await waitFor(async () => gaveUp !== '', 5000, 'giving up');
    expect(gaveUp).toBe('exited (code 3)');
    expect(logs).toEqual([
      '[railyard] postgres exited (code 3); restarting in 0.05 s (restart 1)',
      '[railyard] postgres exited (code 3); restarting in 0.1 s (restart 2)',
      '[railyard] postgres exited (code 3); giving up after 3 failures in a row',
    ]);
    await part.stop();
  });

  it('brings a private redis-server back after kill -9, as npm start supervises it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ry-supervise-redis-'));
    const port = 6500 + Math.floor(Math.random() * 400);
    const logs: string[] = [];
    const part = supervise({ name: 'redis', start: () => startRedis({ dir, port }), initialMs: 100, maxFailures: 5, log: (l: string) => logs.push(l) });
    try {
      const first = await part.started;
      process.kill(first.pid, 'SIGKILL');
      const pid = await waitFor(async () => restartedPid(part, first.pid), 10_000, 'redis to restart');
      const redis = new Redis(`redis://127.0.0.1:${port}`, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      expect(await redis.ping()).toBe('PONG');
      redis.disconnect();
      expect(pid).not.toBe(first.pid);
      expect(logs).toEqual(['[railyard] redis exited (SIGKILL); restarting in 0.1 s (restart 1)']);
    } finally {
      await part.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('SIGTERM to the launcher stops every supervised child, also one restarted after kill -9', async () => {
    const harness = spawn(process.execPath, [path.join(import.meta.dirname, '../fixtures/supervisor/harness.mjs')], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const lines: string[] = [];
    readline.createInterface({ input: harness.stdout! }).on('line', (l) => lines.push(l));
    const exited = new Promise<number | null>((resolve) => harness.on('exit', (code) => resolve(code)));
    const pids = () => lines.filter((l) => /^\[(web|worker)\] pid \d+$/.test(l)).map((l) => Number(l.split(' ').at(-1)));
    await waitFor(async () => lines.includes('ready') && pids().length === 2, 10_000, 'the harness to start');
    process.kill(pids()[1], 'SIGKILL');
    await waitFor(async () => pids().length === 3, 10_000, 'the killed child to come back');
    expect(lines.some((l) => /\] (web|worker) exited \(SIGKILL\); restarting in 0\.1 s \(restart 1\)$/.test(l))).toBe(true);
    harness.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines).toContain('stopped');
    expect(pids().filter(alive)).toEqual([]);
  }, 30_000);
});
