import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { z } from 'zod';
import type { gitClone } from '@/engine/actions/git-clone';
import { credentialEnv } from '../git/credentials';
import { guardRemote } from '../git/remote-guard';
import { confinedPath, openRepo } from '../git/repo-path';
import { LOCAL_UPLOAD_PACK } from '../git/hardening';
import { git, redact, resolveCommit, tryGit, warnIfPinsIgnored, type GitCall } from '../git/run-git';
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
  const shownDir = params.dir ?? repoNameOf(params.url);
  // `dir` is a plain relative folder; the real workspace path keeps symlinks from leading the clone out.
  if (isAbsolute(shownDir)) throw new PermanentError(`dir must be relative to the run's workspace: ${shownDir}`);
  const { real: dir, workspace: ws } = await confinedPath(await workspace(), shownDir, 'dir');
  const remote = await guardRemote(params.url, { label: 'git.clone', cwd: ws, workspace: ws });
  await warnIfPinsIgnored(remote.pins, log);
  const pack = remote.local ? [LOCAL_UPLOAD_PACK] : [];
  const { env, secrets } = credentialEnv(params.url, params);
  const at = (cwd: string): GitCall => ({ cwd, signal, env, secrets, workspace: ws, config: remote.pins });
  const depth = params.depth ? [`--depth=${params.depth}`] : [];
  const shownUrl = redact(params.url);

  if (existsSync(dir) && readdirSync(dir).length > 0) {
    // A repeated step (stalled job, retry after a partial run): refresh the clone we made instead of
    // failing, once it is known to be a repository of its own whose config names no programs.
    const existing = await openRepo(ws, dir, signal).catch((err: Error) => {
      if (err.message.startsWith('refusing')) throw err; // a tampered clone: say so rather than "not a clone"
      return null;
    });
    // Every value: `config --get` shows the last, but `fetch origin` uses the first.
    const stored = existing ? await tryGit(['config', '--get-all', 'remote.origin.url'], at(dir)) : null;
    const urls = stored?.code === 0 ? stored.stdout.split('\n').filter(Boolean) : [];
    if (urls.length !== 1 || !sameRemote(urls[0].trim(), params.url, ws)) {
      throw new PermanentError(`${shownDir} already exists and is not a clone of ${shownUrl}`);
    }
    log('info', `fetching ${shownUrl} into existing clone ${dir}`);
    await git(['fetch', ...pack, '--tags', '--force', '--prune', ...depth, 'origin'], at(dir));
  } else {
    log('info', `cloning ${shownUrl} into ${dir}`);
    const branch = params.ref && !isSha(params.ref) ? ['--branch', params.ref] : [];
    await git(['clone', ...pack, ...depth, ...branch, '--end-of-options', params.url, dir], at(ws));
  }
  await checkout(params.ref, at(dir), [...pack, ...depth]);
  const head = await git(['rev-parse', 'HEAD'], at(dir));
  log('info', `HEAD is ${head}`);
  return { outputs: { path: dir, head } };
};

/** Leaves the clone as a fresh clone of `ref` would be: a branch tracks origin, a tag or sha is detached. */
async function checkout(ref: string | undefined, call: GitCall, fetchArgs: string[]): Promise<void> {
  const target = ref ?? (await tryGit(['symbolic-ref', '--short', 'refs/remotes/origin/HEAD'], call)).stdout.trim().replace(/^origin\//, '');
  if (!target) return; // an empty remote: nothing to check out
  if (await resolveCommit(`refs/remotes/origin/${target}`, call)) {
    await git(['checkout', '--quiet', '-B', target, '--track', `origin/${target}`], call);
    return;
  }
  let sha = await resolveCommit(target, call);
  if (!sha && isSha(target)) {
    // A shallow clone may not contain an older commit; ask for it by id (servers allow reachable shas).
    await git(['fetch', ...fetchArgs, 'origin', target], call);
    sha = await resolveCommit(target, call);
  }
  if (!sha) throw new PermanentError(`ref not found in remote: ${target}`);
  await git(['checkout', '--quiet', '--detach', sha], call);
}
