// Which run workspaces to delete: those of runs that finished longer ago than the retention, and
// folders no run owns any more (the run was deleted) once they are as old. A run that is not
// finished (queued, running, waiting days for an approval) keeps its workspace, whatever its age.
import { isTerminalRun, type RunStatus } from './status';

export type WorkspaceFolder = { name: string; modifiedAt: Date };
export type RunState = { status: RunStatus; finishedAt: Date | null };

// Run ids are cuids: anything else in the folder is not ours to judge.
const RUN_ID = /^[a-z0-9]{20,32}$/;

export function workspacesToDelete(
  folders: readonly WorkspaceFolder[],
  runs: ReadonlyMap<string, RunState>,
  now: Date,
  retentionMs: number,
): string[] {
  const cutoff = now.getTime() - retentionMs;
  return folders
    .filter((f) => {
      if (!RUN_ID.test(f.name)) return false;
      const run = runs.get(f.name);
      if (!run) return f.modifiedAt.getTime() < cutoff;
      if (!isTerminalRun(run.status)) return false;
      // A finished run without a finish time (older data): judge by the folder's own age.
      return (run.finishedAt ?? f.modifiedAt).getTime() < cutoff;
    })
    .map((f) => f.name);
}
