// Keeps one long-running part of `npm start` alive. `start()` launches it and resolves to
// { exited: Promise<{code, signal}>, stop(): Promise }. When it exits unexpectedly (a crash, kill -9)
// it is started again after a delay that doubles from `initialMs` up to `maxMs`; a run that stayed
// up for `resetAfterMs` counts as healthy and resets the delay. With `maxFailures`, that many
// failures in a row (exits or failed starts, without a healthy run between) is "failing for good":
// `onGiveUp` is called and nothing is restarted any more (used for Postgres and Redis).
import { killGroup, spawnGroup } from './processes.mjs';

const describeExit = ({ code, signal, error }) => (error ? error.message : signal ?? `code ${code}`);

/**
 * @param {{ name: string, start: () => Promise<{exited: Promise<any>, stop: () => Promise<any>}>,
 *   log?: (line: string) => void, initialMs?: number, maxMs?: number, resetAfterMs?: number,
 *   maxFailures?: number, onGiveUp?: (reason: string) => void }} options
 */
export function supervise({ name, start, log = console.error, initialMs = 1000, maxMs = 30_000, resetAfterMs = 60_000,
  maxFailures = Infinity, onGiveUp = () => {} }) {
  let current = null; // the running instance
  let stopped = false;
  let failures = 0;
  let restarts = 0;
  let wake = null; // cancels the backoff wait on stop()
  let ready;

  const sleep = (ms) => new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => { clearTimeout(timer); resolve(); };
  });
  const delayFor = (n) => Math.min(maxMs, initialMs * 2 ** (n - 1));

  /** Returns false when the streak of failures means giving up. */
  async function backoff(reason) {
    failures += 1;
    if (failures >= maxFailures) {
      log(`[railyard] ${name} ${reason}; giving up after ${failures} failures in a row`);
      stopped = true;
      onGiveUp(reason);
      return false;
    }
    const delay = delayFor(failures);
    restarts += 1;
    log(`[railyard] ${name} ${reason}; restarting in ${delay / 1000} s (restart ${restarts})`);
    await sleep(delay);
    return !stopped;
  }

  async function loop() {
    let first = true;
    while (!stopped) {
      let instance;
      try {
        instance = await start();
      } catch (error) {
        if (first) ready.reject(error); // a part that cannot start at all is the caller's to report
        if (first || !(await backoff(`failed to start (${error.message.split('\n')[0]})`))) return;
        continue;
      }
      if (typeof instance?.exited?.then !== 'function') throw new Error(`supervise(${name}): start() must resolve to { exited, stop }`);
      if (stopped) return void (await instance.stop());
      current = instance;
      if (first) ready.resolve(instance);
      first = false;
      const startedAt = Date.now();
      const exit = await instance.exited;
      current = null;
      if (stopped) return;
      if (Date.now() - startedAt >= resetAfterMs) failures = 0;
      if (!(await backoff(`exited (${describeExit(exit)})`))) return;
    }
  }

  const started = new Promise((resolve, reject) => (ready = { resolve, reject }));
  started.catch(() => {}); // observed by whoever awaits `started`; never an unhandled rejection
  const done = loop();
  return {
    name,
    /** Resolves with the first instance once it started; rejects when the first start fails. */
    started,
    get current() { return current; },
    get restarts() { return restarts; },
    async stop() {
      stopped = true;
      wake?.();
      await current?.stop();
      await done;
    },
  };
}

/**
 * supervise() for a command run by spawnGroup (own process group, prefixed output).
 * @param {string} name @param {string} cmd @param {string[]} args
 * @param {Omit<Parameters<typeof supervise>[0], 'name' | 'start'> & { spawnOptions?: object, stopTimeoutMs?: number }} [options]
 */
export function superviseCommand(name, cmd, args, { spawnOptions = {}, stopTimeoutMs = 10_000, ...options } = {}) {
  return supervise({
    name,
    ...options,
    start: async () => {
      const proc = spawnGroup(name, cmd, args, spawnOptions);
      // A leader killed with -9 (tsx, next start) leaves its children in the group: end them before
      // a restart, or two workers (or two servers on one port) would run side by side.
      const exited = proc.exited.then((exit) => (killGroup(proc.child.pid, 'SIGKILL'), exit));
      return { exited, stop: () => proc.stop(stopTimeoutMs), pid: proc.child.pid };
    },
  });
}
