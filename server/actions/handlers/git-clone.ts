import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import type { gitClone } from '@/engine/actions/git-clone';
import { credentialEnv } from '../git/credentials';
import { insideWorkspace } from '../git/repo-path';
import { git, redact, resolveCommit, tryGit, type GitCall } from '../git/run-git';
import { PermanentError, type ActionHandler } from '../types';

/** "https://host/org/shop.git" → "shop"; also scp-style "git@host:org/shop.git" and local paths. */
export function repoNameOf(url: string): string {
  const last = url.replace(/[/\\]+$/, '').split(/[/\\:]/).pop() ?? '';
  return last.replace(/\.git$/, '') || 'repo';
}

// Local paths are stored absolute by git; URLs as given. Compare both forms the same way.
const sameRemote = (stored: string, url: string, workspace: string): boolean => {
  const norm = (u: string) => (/^[a-z][a-z0-9+.-]*:\/\/|^[^/]+@[^/]+:/i.test(u) ? u : resolve(workspace, u)).replace(/(\.git)?\/*$/, '');
  return norm(stored) === norm(url);
};

const isSha = (ref: string) => /^[0-9a-f]{7,40}$/i.test(ref);

export const gitCloneHandler: ActionHandler<z.output<typeof gitClone.params>> = async ({ params, signal, log, workspace }) => {
  const ws = await workspace();
  const dir = insideWorkspace(ws, params.dir ?? repoNameOf(params.url), 'dir');
  const { env, secrets } = credentialEnv(params.url, params);
  const at = (cwd: string): GitCall => ({ cwd, signal, env, secrets });
  const depth = params.depth ? [`--depth=${params.depth}`] : [];
  const shownUrl = redact(params.url);

  if (existsSync(dir) && readdirSync(dir).length > 0) {
    // A repeated step (stalled job, retry after a partial run): refresh the clone we made instead of failing.
    const stored = await tryGit(['config', '--get', 'remote.origin.url'], at(dir));
    if (stored.code !== 0 || !sameRemote(stored.stdout.trim(), params.url, ws)) {
      throw new PermanentError(`${params.dir ?? repoNameOf(params.url)} already exists and is not a clone of ${shownUrl}`);
    }
    log('info', `fetching ${shownUrl} into existing clone ${dir}`);
    await git(['fetch', '--tags', '--force', '--prune', ...depth, 'origin'], at(dir));
  } else {
    log('info', `cloning ${shownUrl} into ${dir}`);
    const branch = params.ref && !isSha(params.ref) ? ['--branch', params.ref] : [];
    await git(['clone', ...depth, ...branch, '--end-of-options', params.url, dir], at(ws));
  }
  await checkout(params.ref, at(dir), depth);
  const head = await git(['rev-parse', 'HEAD'], at(dir));
  log('info', `HEAD is ${head}`);
  return { outputs: { path: dir, head } };
};

/** Leaves the clone as a fresh clone of `ref` would be: a branch tracks origin, a tag or sha is detached. */
async function checkout(ref: string | undefined, call: GitCall, depth: string[]): Promise<void> {
  const target = ref ?? (await tryGit(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'], call)).stdout.trim().replace(/^origin\//, '');
  if (!target) return; // an empty remote: nothing to check out
  if (await resolveCommit(`refs/remotes/origin/${target}`, call)) {
    await git(['checkout', '--quiet', '-B', target, '--track', `origin/${target}`], call);
    return;
  }
  let sha = await resolveCommit(target, call);
  if (!sha && isSha(target)) {
    // A shallow clone may not contain an older commit; ask for it by id (servers allow reachable shas).
    await git(['fetch', ...depth, 'origin', target], call);
    sha = await resolveCommit(target, call);
  }
  if (!sha) throw new PermanentError(`ref not found in remote: ${target}`);
  await git(['checkout', '--quiet', '--detach', sha], call);
}
