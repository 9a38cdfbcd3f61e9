// Per-run working folders (clones, build output) and their retention: the worker deletes the
// folders of runs finished more than RAILYARD_WORKSPACE_RETENTION_HOURS ago (engine decides which),
// so a busy installation does not fill its disk with old clones.
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { workspacesToDelete, type WorkspaceFolder } from '@/engine/run/workspace-retention';
import { env } from '../env';
import { findRunStates } from '../repositories/run-states';

/** The run's working folder, created on demand; ids are cuids, so they are safe path segments. */
export async function runWorkspace(runId: string): Promise<string> {
  const dir = resolve(env().RAILYARD_WORKSPACE_DIR, runId);
  await mkdir(dir, { recursive: true });
  return dir;
}

const SWEEP_BATCH = 500;

/** Deletes the workspaces retention allows; returns the run ids whose folders went. */
export async function sweepWorkspaces(opts: { now?: Date; retentionHours?: number } = {}): Promise<string[]> {
  const root = resolve(env().RAILYARD_WORKSPACE_DIR);
  const retentionMs = (opts.retentionHours ?? env().RAILYARD_WORKSPACE_RETENTION_HOURS) * 3_600_000;
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const deleted: string[] = [];
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name);
  for (let i = 0; i < dirs.length; i += SWEEP_BATCH) {
    const names = dirs.slice(i, i + SWEEP_BATCH);
    const folders: WorkspaceFolder[] = [];
    for (const name of names) {
      const s = await stat(join(root, name)).catch(() => null);
      if (s) folders.push({ name, modifiedAt: s.mtime });
    }
    const runs = await findRunStates(folders.map((f) => f.name));
    for (const name of workspacesToDelete(folders, runs, opts.now ?? new Date(), retentionMs)) {
      await rm(join(root, name), { recursive: true, force: true });
      deleted.push(name);
    }
  }
  return deleted;
}

/** Sweeps now and then every `everyMs`; returns a stop function. A failed sweep waits for the next. */
export function startWorkspaceSweeper(everyMs = 10 * 60_000): () => void {
  const sweep = () =>
    sweepWorkspaces()
      .then((gone) => gone.length && console.log(`[workspaces] deleted ${gone.length} old run workspace(s)`))
      .catch((err: Error) => console.warn(`[workspaces] sweep failed: ${err.message}`));
  void sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
