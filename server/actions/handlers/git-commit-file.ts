import type { z } from 'zod';
import type { gitCommitFile } from '@/engine/actions/git-commit-file';
import { insideWorkspace, namesDotGit, openRepo } from '../git/repo-path';
import { assertRefName, BOT, git, resolveCommit, tryGit, type GitCall } from '../git/run-git';
import { writeInsideRepo } from '../git/safe-write';
import { PermanentError, type ActionHandler } from '../types';

export const gitCommitFileHandler: ActionHandler<z.output<typeof gitCommitFile.params>> = async ({ params, signal, log, workspace }) => {
  const call = await openRepo(await workspace(), params.repo, signal);
  // Checked before switching branches too, so a refused path changes nothing; writeInsideRepo checks
  // again, with symlinks, on the tree the branch leaves checked out.
  insideWorkspace(call.cwd, params.path, 'path', 'the repository');
  if (namesDotGit(params.path)) throw new PermanentError(`refusing to write inside .git: ${params.path}`);
  if (params.branch) await switchTo(params.branch, call);

  const rel = await writeInsideRepo(call.cwd, params.path, params.content);
  await git(['add', '--', rel], call);
  // Idempotency by content: a repeated step finds the file already committed and makes no commit.
  const staged = await tryGit(['diff', '--cached', '--quiet', '--no-ext-diff', '--no-textconv', '--', rel], call);
  if (staged.code === 0 && (await resolveCommit('HEAD', call))) {
    const sha = await git(['rev-parse', 'HEAD'], call);
    log('info', `${rel} already has this content at ${sha.slice(0, 7)}; no commit`);
    return { outputs: { sha, changed: false } };
  }

  const author = params.author ?? BOT;
  const env = { ...call.env, GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email };
  // `-- <path>` commits only this file even if something else is staged; hooks and signing are the
  // repository owner's local business, not a release bot's.
  await git(['-c', 'commit.gpgSign=false', 'commit', '--no-verify', '--quiet', '-m', params.message, '--', rel], { ...call, env });
  const sha = await git(['rev-parse', 'HEAD'], call);
  log('info', `committed ${rel} as ${sha.slice(0, 7)}`);
  return { outputs: { sha, changed: true } };
};

async function switchTo(branch: string, call: GitCall): Promise<void> {
  await assertRefName(`refs/heads/${branch}`, call);
  const current = (await tryGit(['symbolic-ref', '--quiet', '--short', 'HEAD'], call)).stdout.trim();
  if (current === branch) return;
  if (await resolveCommit(`refs/heads/${branch}`, call)) await git(['checkout', '--quiet', branch, '--'], call);
  else if (await resolveCommit(`refs/remotes/origin/${branch}`, call)) await git(['checkout', '--quiet', '-b', branch, '--track', `origin/${branch}`], call);
  else await git(['checkout', '--quiet', '-b', branch], call);
}
