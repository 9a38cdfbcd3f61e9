// Child-process helpers for the launchers. Children get their own process group (detached) so that
// (a) Ctrl-C in the terminal reaches only us and we can stop things in order (web, worker, then
// redis and postgres), and (b) killing the group also kills grandchildren: `next start` forks
// next-server, which would be orphaned if we only killed the direct child.
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const colors = { web: 36, worker: 35, redis: 31, postgres: 34, build: 33 };

/** Writes each line of `stream` to `out` prefixed with `[name]`. */
export function prefixLines(stream, name, out = process.stdout) {
  const color = colors[name];
  const tag = color && out.isTTY ? `\x1b[${color}m[${name}]\x1b[0m` : `[${name}]`;
  readline.createInterface({ input: stream }).on('line', (line) => out.write(`${tag} ${line}\n`));
}

/**
 * Spawns `cmd args` in its own process group with prefixed output.
 * Returns { child, name, exited (promise of {code, signal}), stop(timeoutMs) }.
 */
export function spawnGroup(name, cmd, args, { env = process.env, cwd, quiet = false, ...rest } = {}) {
  const child = spawn(cmd, args, { env, cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...rest });
  if (!quiet) {
    prefixLines(child.stdout, name);
    prefixLines(child.stderr, name, process.stderr);
  } else {
    child.stdout.resume();
    child.stderr.resume();
  }
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: 127, signal: null, error }));
  });
  return { child, name, exited, stop: (timeoutMs) => stopGroup(child, exited, timeoutMs) };
}

/** SIGTERM the child's process group, SIGKILL it after `timeoutMs` if still alive. */
export async function stopGroup(child, exited, timeoutMs = 10_000, signal = 'SIGTERM') {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
    killGroup(child.pid, 'SIGKILL'); // the leader is gone but grandchildren may remain
    return;
  }
  killGroup(child.pid, signal);
  const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
  killGroup(child.pid, 'SIGKILL'); // leftovers in the group (e.g. next-server) after the leader exits
}

export function killGroup(pid, signal) {
  if (!pid) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the group is already gone
  }
}

/** Runs a command to completion (inheriting stdio unless given); resolves to its exit code. */
export function run(cmd, args, { env = process.env, cwd, stdio = 'inherit' } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env, cwd, stdio });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on('error', () => resolve(127));
  });
}

/**
 * Calls `onSignal(signalName)` once on the first SIGINT/SIGTERM/SIGHUP; a second signal while
 * shutting down exits at once, so a stuck child never traps the user.
 */
export function onShutdownSignal(onSignal) {
  let stopping = false;
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      if (stopping) {
        console.error(`\n${sig} again: exiting without waiting.`);
        process.exit(130);
      }
      stopping = true;
      onSignal(sig);
    });
  }
}
