// Test support: which processes are still running, read from /proc (the real kernel state), so a
// test can assert that no process of a group survived. Zombies do not count: in a container
// without an init that reaps orphans, a killed process lingers as one without running.
import { readdirSync, readFileSync } from 'node:fs';

function stat(pid: number): { state: string; pgrp: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return { state: fields[0], pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

export const isRunning = (pid: number): boolean => {
  const s = stat(pid);
  return s !== null && s.state !== 'Z';
};

/** Running (non-zombie) members of process group `pgid`. */
export function groupMembers(pgid: number): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      const s = stat(pid);
      return s !== null && s.state !== 'Z' && s.pgrp === pgid;
    });
}

/** Polls until the group has no running member (a SIGTERM takes a moment), or the time is up. */
export async function groupGone(pgid: number, timeoutMs = 5_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (groupMembers(pgid).length === 0) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return groupMembers(pgid).length === 0;
}

export async function waitForFile(path: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const text = readFileSync(path, 'utf8');
      if (text.trim()) return text.trim();
    } catch {
      // not yet written
    }
    if (Date.now() > deadline) throw new Error(`${path} was not written`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
