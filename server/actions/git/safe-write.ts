// Writing a file into a repository without being steered elsewhere. A checked-out tree can hold
// symlinks (committed by whoever controls the remote), so a path such as `docs/CHANGELOG.md`, where
// `docs` links to /etc or to .git, would write outside the tree or into git's own config. No
// component of the path may be a symlink (git itself refuses to add a path "beyond a symbolic link"),
// the final open uses O_NOFOLLOW, and no component may name a .git folder.
import { constants } from 'node:fs';
import { lstat, mkdir, open } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { PermanentError } from '../types';
import { insideWorkspace, namesDotGit } from './repo-path';

const missing = (err: unknown) => ((err as NodeJS.ErrnoException).code === 'ENOENT' ? null : Promise.reject(err));

/** Writes `content` to `path` inside `repo` (a real path); returns the path relative to the repository. */
export async function writeInsideRepo(repo: string, path: string, content: string): Promise<string> {
  const full = insideWorkspace(repo, path, 'path', 'the repository');
  const rel = relative(repo, full);
  if (!rel) throw new PermanentError(`path must name a file inside the repository: ${path}`);
  if (namesDotGit(path) || namesDotGit(rel)) throw new PermanentError(`refusing to write inside .git: ${path}`);

  const parts = rel.split(sep);
  let cur = repo;
  for (const [i, part] of parts.entries()) {
    cur = join(cur, part);
    const shown = relative(repo, cur);
    const st = await lstat(cur).catch(missing);
    if (st?.isSymbolicLink()) throw new PermanentError(`refusing to write through the symlink ${shown} (path ${path})`);
    if (i === parts.length - 1) {
      if (st && !st.isFile()) throw new PermanentError(`${path} exists and is not a regular file`);
    } else if (!st) {
      await mkdir(cur).catch((err: NodeJS.ErrnoException) => (err.code === 'EEXIST' ? undefined : Promise.reject(err)));
      if ((await lstat(cur)).isSymbolicLink()) throw new PermanentError(`refusing to write through the symlink ${shown} (path ${path})`);
    } else if (!st.isDirectory()) {
      throw new PermanentError(`${shown} is not a folder (path ${path})`);
    }
  }
  // O_NOFOLLOW: a symlink put in place since the check above fails the open instead of being followed.
  const fh = await open(resolve(full), constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | constants.O_NOFOLLOW, 0o644).catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ELOOP') throw new PermanentError(`refusing to write through a symlink: ${path}`);
    throw err;
  });
  try {
    await fh.writeFile(content);
  } finally {
    await fh.close();
  }
  return rel;
}
