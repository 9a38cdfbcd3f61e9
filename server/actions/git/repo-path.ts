// Where a step's `repo` (or clone `dir`) lives. Every git.* step works only inside the run's
// workspace: relative paths may not climb out, absolute paths must point inside it, and a symlink
// may not lead out either (paths are compared after fs.realpath). No path may name a `.git` folder
// (in any spelling git itself treats as one), because writing or running git there is how a
// repository's config, and so the programs git runs, would be changed.
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { PermanentError } from '../types';
import { assertSafeRepoConfig } from './repo-config-guard';
import { tryGit, type GitCall } from './run-git';

/** Also used for files inside a repository (`where` names the folder in messages). Lexical only. */
export function insideWorkspace(workspace: string, path: string, what: string, where = "the run's workspace"): string {
  if (isAbsolute(path)) throw new PermanentError(`${what} must be relative to ${where}: ${path}`);
  const full = resolve(workspace, path);
  if (!isWithin(workspace, full)) throw new PermanentError(`${what} leaves ${where}: ${path}`);
  return full;
}

export function isWithin(root: string, full: string): boolean {
  const rel = relative(root, full);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

// HFS+ ignores these code points in names, so ".g\u200cit" is ".git" there (git's is_hfs_dotgit).
const HFS_IGNORED = /[\u200c-\u200f\u202a-\u202e\u206a-\u206f\ufeff]/g;

/** ".git", ".GIT", ".git." / ".git " (NTFS drops trailing dots and spaces), "git~1" (8.3 name), ".git::$DATA". */
export function isDotGit(segment: string): boolean {
  const name = segment.replace(HFS_IGNORED, '').toLowerCase().split(':')[0].replace(/[. ]+$/, '');
  return name === '.git' || name === 'git~1';
}

export const namesDotGit = (path: string): boolean => path.split(/[\\/]+/).some(isDotGit);

/** The real path of `path`, resolving symlinks in the part that exists (the rest is appended). */
export async function realPathLoose(path: string): Promise<string> {
  const rest: string[] = [];
  let cur = path;
  for (;;) {
    try {
      return join(await realpath(cur), ...rest.reverse());
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw err;
      const parent = dirname(cur);
      if (parent === cur) return path;
      rest.push(basename(cur));
      cur = parent;
    }
  }
}

/** `path` (relative, or absolute inside the workspace) as a real path inside the real workspace. */
export async function confinedPath(workspace: string, path: string, what: string): Promise<{ real: string; workspace: string }> {
  const ws = await realpath(workspace);
  const lexical = isAbsolute(path) ? resolve(path) : resolve(ws, path);
  if (!isWithin(ws, lexical) && !isWithin(resolve(workspace), lexical)) throw new PermanentError(`${what} leaves the run's workspace: ${path}`);
  const real = await realPathLoose(lexical);
  if (!isWithin(ws, real)) throw new PermanentError(`${what} leaves the run's workspace through a symlink: ${path}`);
  if ((!isAbsolute(path) && namesDotGit(path)) || namesDotGit(relative(ws, lexical)) || namesDotGit(relative(ws, real))) {
    throw new PermanentError(`${what} may not be a .git folder or lie inside one: ${path}`);
  }
  return { real, workspace: ws };
}

export async function repoPath(workspace: string, repo: string): Promise<string> {
  return (await confinedPath(workspace, repo, 'repo')).real;
}

/**
 * Resolves `repo` and checks it is the top folder of a git work tree (not a folder inside one, not a
 * .git folder, not a bare repository) whose config names no programs; returns the call to run git with.
 */
export async function openRepo(workspace: string, repo: string, signal?: AbortSignal): Promise<GitCall> {
  const { real, workspace: ws } = await confinedPath(workspace, repo, 'repo');
  const call: GitCall = { cwd: real, signal, workspace: ws };
  const isDir = await stat(real).then((s) => s.isDirectory(), () => false);
  const top = isDir ? await tryGit(['rev-parse', '--show-toplevel'], call) : null;
  if (!top || top.code !== 0 || !top.stdout.trim()) throw new PermanentError(`not a git repository: ${repo}`);
  const topReal = await realpath(top.stdout.trim());
  if (topReal !== real) {
    throw new PermanentError(`${repo} is not the top folder of a git repository: it lies inside ${relative(ws, topReal) || 'the workspace'}; pass that folder as repo`);
  }
  await assertSafeRepoConfig(call, repo);
  return call;
}
