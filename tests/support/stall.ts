// Stalling the real services for robustness tests: SIGSTOP freezes a process without closing its
// sockets (the kernel still accepts connections), which is what a hung or overloaded server looks
// like to a client. Every stall is undone (SIGCONT) in a finally, even when the test fails.
import fs from 'node:fs';
import { db } from '@/server/db/client';
import { childrenOf, parentOf } from './procs';

/** The postmaster and all its children (backends, checkpointer, …) of the Postgres we use. */
export async function postgresPids(): Promise<number[]> {
  // Our own backend's parent is the postmaster (needs no privilege, unlike SHOW data_directory).
  const [{ pid }] = await db().$queryRawUnsafe<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
  const postmaster = parentOf(pid);
  if (!postmaster) throw new Error(`backend ${pid} has no parent`);
  const cmdline = fs.readFileSync(`/proc/${postmaster}/cmdline`, 'utf8');
  if (!cmdline.includes('postgres')) throw new Error(`pid ${postmaster} is not a postgres process: ${cmdline}`);
  return [postmaster, ...childrenOf(postmaster)];
}

/** Runs `fn` with `pids` stopped (SIGSTOP), resuming them (SIGCONT) afterwards whatever happens. */
export async function whileStopped<T>(pids: number[], fn: () => Promise<T>): Promise<T> {
  const stopped: number[] = [];
  try {
    for (const pid of pids) {
      process.kill(pid, 'SIGSTOP');
      stopped.push(pid);
    }
    return await fn();
  } finally {
    for (const pid of stopped) {
      try {
        process.kill(pid, 'SIGCONT');
      } catch {
        // already gone
      }
    }
  }
}

/** Milliseconds `fn` took, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = Date.now();
  const value = await fn();
  return { ms: Date.now() - started, value };
}
