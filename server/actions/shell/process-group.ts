// Children of shell.run and plugins are spawned detached, so each leads its own process group and
// a signal to the group reaches everything it started (`sleep 300 &`, a dev server, a build
// daemon). Every live group is tracked here, so that a worker that exits for any reason (a graceful
// shutdown, process.exit, an uncaught error) kills them all synchronously on its way out.
// A worker killed with SIGKILL cannot run any code: there the service manager must kill the
// control group (systemd KillMode=control-group, a container stop), see SECURITY.md.

export const DEFAULT_KILL_GRACE_MS = 3_000;

const live = new Set<ProcessGroup>();
let hooked = false;

function hookExit(): void {
  if (hooked) return;
  hooked = true;
  // 'exit' handlers must be synchronous; process.kill is.
  process.on('exit', () => {
    for (const group of live) group.signal('SIGKILL');
    live.clear();
  });
}

export class ProcessGroup {
  private stopping = false;
  private killTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly pid: number,
    private readonly graceMs = DEFAULT_KILL_GRACE_MS,
  ) {
    hookExit();
    live.add(this);
  }

  /** Sends `sig` to every process of the group; false when none is left. */
  signal(sig: NodeJS.Signals | 0): boolean {
    try {
      process.kill(-this.pid, sig);
      return true;
    } catch {
      return false; // ESRCH: the group is gone
    }
  }

  /** SIGTERM now (tools may clean up), SIGKILL after the grace period. Idempotent. */
  stop(): void {
    if (this.stopping) return;
    this.stopping = true;
    if (!this.signal('SIGTERM')) return this.release();
    this.killTimer = setTimeout(() => this.kill(), this.graceMs);
    this.killTimer.unref(); // the exit hook covers a worker that leaves before the timer fires
  }

  /** SIGKILL the group at once and forget it. */
  kill(): void {
    clearTimeout(this.killTimer);
    this.signal('SIGKILL');
    this.release();
  }

  /** Called when the command has finished: whatever it left running in the background is stopped too. */
  finished(): void {
    if (this.signal(0)) this.stop();
    else if (!this.stopping) this.release();
  }

  private release(): void {
    live.delete(this);
  }
}

/** Groups still tracked (for tests and diagnostics). */
export const liveGroupCount = (): number => live.size;
