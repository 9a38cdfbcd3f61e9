// Where a step's `repo` (or clone `dir`) lives. Relative paths resolve inside the run's workspace and
// may not climb out of it; absolute paths are allowed for repo parameters, because workflows are
// written by editors (trusted) and operators keep local mirrors and test repositories outside
// workspaces. Clone targets and shell cwd stay inside the workspace.
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { PermanentError } from '../types';
import { tryGit, type GitCall } from './run-git';

/** Also used for files inside a repository (`where` names the folder in messages). */
export function insideWorkspace(workspace: string, path: string, what: string, where = "the run's workspace"): string {
  if (isAbsolute(path)) throw new PermanentError(`${what} must be relative to ${where}: ${path}`);
  const full = resolve(workspace, path);
  const rel = relative(workspace, full);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new PermanentError(`${what} leaves ${where}: ${path}`);
  return full;
}

export function repoPath(workspace: string, repo: string): string {
  return isAbsolute(repo) ? resolve(repo) : insideWorkspace(workspace, repo, 'repo');
}

/** Resolves `repo` and checks it is a git work tree, so later commands fail with a clear message. */
export async function openRepo(workspace: string, repo: string, signal?: AbortSignal): Promise<GitCall> {
  const cwd = repoPath(workspace, repo);
  const call = { cwd, signal };
  const r = await tryGit(['rev-parse', '--is-inside-work-tree'], call).catch(() => null);
  if (!r || r.code !== 0) throw new PermanentError(`not a git repository: ${repo}`);
  return call;
}
