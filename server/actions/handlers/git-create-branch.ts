import type { z } from 'zod';
import type { gitCreateBranch } from '@/engine/actions/git-create-branch';
import { openRepo } from '../git/repo-path';
import { assertRefName, git, resolveCommit } from '../git/run-git';
import { PermanentError, type ActionHandler } from '../types';

export const gitCreateBranchHandler: ActionHandler<z.output<typeof gitCreateBranch.params>> = async ({ params, signal, log, workspace }) => {
  const call = await openRepo(await workspace(), params.repo, signal);
  await assertRefName(`refs/heads/${params.name}`, call);
  const from = params.from ?? 'HEAD';
  // In a fresh clone only the default branch is local; other branches exist as origin/<name>.
  const sha = (await resolveCommit(from, call)) ?? (await resolveCommit(`refs/remotes/origin/${from}`, call));
  if (!sha) throw new PermanentError(`ref not found: ${from}`);

  // State check rather than a marker: the branch itself says whether an earlier attempt got here.
  const existing = await resolveCommit(`refs/heads/${params.name}`, call);
  if (existing === sha) {
    log('info', `branch ${params.name} already at ${sha.slice(0, 7)}; nothing to do`);
    return { outputs: { branch: params.name, sha } };
  }
  if (existing) throw new PermanentError(`branch ${params.name} exists at ${existing}, not at ${from} (${sha})`);

  await git(['branch', '--no-track', '--end-of-options', params.name, sha], call);
  log('info', `created branch ${params.name} at ${sha.slice(0, 7)} (from ${from})`);
  return { outputs: { branch: params.name, sha } };
};
