import type { z } from 'zod';
import type { gitPush } from '@/engine/actions/git-push';
import { credentialEnv } from '../git/credentials';
import { LOCAL_RECEIVE_PACK } from '../git/hardening';
import { guardRemote } from '../git/remote-guard';
import { openRepo } from '../git/repo-path';
import { gitFailure, resolveCommit, tryGit, warnIfPinsIgnored, type GitCall } from '../git/run-git';
import { PermanentError, type ActionHandler } from '../types';

/** "release/1.5" → refs/heads/release/1.5 or refs/tags/…, whichever exists locally (branches first, like git). */
async function fullRef(name: string, call: GitCall): Promise<string> {
  if (/^refs\/(heads|tags)\//.test(name)) {
    if (await resolveCommit(name, call)) return name;
  } else {
    for (const candidate of [`refs/heads/${name}`, `refs/tags/${name}`]) if (await resolveCommit(candidate, call)) return candidate;
  }
  throw new PermanentError(`no local branch or tag named ${name}`);
}

export const gitPushHandler: ActionHandler<z.output<typeof gitPush.params>> = async ({ params, signal, log, workspace }) => {
  const base = await openRepo(await workspace(), params.repo, signal);
  const remote = params.remote ?? 'origin';
  // Push goes to the push URLs (pushurl, pushInsteadOf applied); each one passes the remote guard.
  const named = await tryGit(['remote', 'get-url', '--push', '--all', '--', remote], base);
  const urls = named.code === 0 ? named.stdout.split('\n').map((u) => u.trim()).filter(Boolean) : [remote];
  const kinds = [];
  for (const u of urls) kinds.push(await guardRemote(u, { label: 'git.push', cwd: base.cwd, workspace: base.workspace ?? base.cwd }));
  const local = kinds.every((k) => k.local);
  if (!local && kinds.some((k) => k.local)) throw new PermanentError(`remote ${remote} mixes local and network push URLs; push to them in separate steps`);
  const url = urls[0];
  const { env, secrets } = credentialEnv(url, params);
  const call = { ...base, env, secrets, config: kinds.flatMap((k) => k.pins) };
  await warnIfPinsIgnored(call.config, log);
  const refs = [...new Set(await Promise.all(params.refs.map((r) => fullRef(r, call))))];

  // No --force: re-pushing what is already there is a no-op ("up to date"), and a moved tag or a
  // diverged branch is rejected rather than overwritten.
  const args = ['push', '--porcelain', ...(local ? [LOCAL_RECEIVE_PACK] : []), '--end-of-options', remote, ...refs.map((ref) => `${ref}:${ref}`)];
  const r = await tryGit(args, call);
  const rows = r.stdout.split('\n').map((l) => l.split('\t')).filter((cols) => cols.length >= 3);
  const rejected = rows.filter(([flag]) => flag === '!');
  if (rejected.length > 0) {
    throw new PermanentError(`push rejected: ${rejected.map(([, spec, reason]) => `${spec.split(':')[1]} (${reason})`).join(', ')}`);
  }
  if (r.code !== 0) throw gitFailure(args, r, call); // e.g. network: worth a retry
  for (const [flag, spec, summary] of rows) log('info', `${spec.split(':')[1]}: ${flag === '=' ? 'already up to date' : summary}`);
  return { outputs: { pushed: refs } };
};
