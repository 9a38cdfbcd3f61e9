// Process facts from /proc (Linux): the members of a process group and their resident memory, so
// the SSE scenario can report memory per client for the web server (`next start` forks
// next-server into the same group, and the memory is in that child), and the ingest scenario can
// pause the worker's whole group (npx → node) with one signal.
import fs from 'node:fs';

/** Pids whose process group is `pgid` (field 5 of /proc/<pid>/stat, after the parenthesised name). */
export function groupPids(pgid: number): number[] {
  const pids: number[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === pgid) pids.push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** Sum of VmRSS over `pids`, in bytes (0 for pids that are gone). */
export function rssBytes(pids: number[]): number {
  let kb = 0;
  for (const pid of pids) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      kb += m ? Number(m[1]) : 0;
    } catch {
      // gone
    }
  }
  return kb * 1024;
}

/** SIGSTOP / SIGCONT for a detached child's group; resume is safe to call twice. */
export function pausable(pgid: () => number | undefined) {
  let paused = false;
  const signal = (sig: NodeJS.Signals) => {
    const id = pgid();
    if (id) process.kill(-id, sig);
  };
  return {
    pause: () => void (signal('SIGSTOP'), (paused = true)),
    resume: () => void (paused && (signal('SIGCONT'), (paused = false))),
  };
}

/**
 * Asks the web process (leader of group `pid`) for its memory after a full GC: SIGUSR2 to the
 * heap probe it was started with (heap-probe.mjs), then waits for the file it writes. Null when
 * no answer comes within 5 s (the probe is missing).
 */
export async function readHeapProbe(pid: number, file: string): Promise<NodeJS.MemoryUsage | null> {
  const before = Date.now();
  try {
    process.kill(pid, 'SIGUSR2');
  } catch {
    return null;
  }
  for (let waited = 0; waited < 5_000; waited += 50) {
    await new Promise((r) => setTimeout(r, 50));
    try {
      const m = JSON.parse(fs.readFileSync(file, 'utf8')) as NodeJS.MemoryUsage & { at: number };
      if (m.at >= before) return m;
    } catch {
      // not written yet
    }
  }
  return null;
}
