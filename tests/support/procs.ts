// Process tree lookups read straight from /proc, so the suite needs no procps (`ps`, `pgrep`):
// a slim CI image may not have it.
import fs from 'node:fs';

type Stat = { pid: number; ppid: number; pgrp: number };

/** Fields 4 and 5 of /proc/<pid>/stat (after the command name, which may hold spaces and parens). */
function stat(pid: number): Stat | null {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const [, ppid, pgrp] = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid, ppid: Number(ppid), pgrp: Number(pgrp) };
  } catch {
    return null; // gone between the listing and the read
  }
}

function all(): Stat[] {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => stat(Number(d)) ?? []);
}

/** The parent's pid of `pid`, or null when it is gone. */
export const parentOf = (pid: number): number | null => stat(pid)?.ppid ?? null;

/** Direct children of `pid`. */
export const childrenOf = (pid: number): number[] => all().filter((p) => p.ppid === pid).map((p) => p.pid);

/** Every process in process group `pgid`. */
export const processGroup = (pgid: number): number[] => all().filter((p) => p.pgrp === pgid).map((p) => p.pid);
