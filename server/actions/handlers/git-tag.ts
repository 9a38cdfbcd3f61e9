import type { z } from 'zod';
import type { gitTag } from '@/engine/actions/git-tag';
import { openRepo } from '../git/repo-path';
import { assertRefName, git, resolveCommit } from '../git/run-git';
import { PermanentError, type ActionHandler } from '../types';

export const gitTagHandler: ActionHandler<z.output<typeof gitTag.params>> = async ({ params, signal, log, workspace }) => {
  const call = await openRepo(await workspace(), params.repo, signal);
  await assertRefName(`refs/tags/${params.tag}`, call);
  const ref = params.ref ?? 'HEAD';
  const sha = await resolveCommit(ref, call);
  if (!sha) throw new PermanentError(`ref not found: ${ref}`);

  // A stalled job that runs again finds its own tag: success, and no second tag object.
  const existing = await resolveCommit(`refs/tags/${params.tag}`, call);
  if (existing === sha) {
    log('info', `tag ${params.tag} already at ${sha.slice(0, 7)}; nothing to do`);
    return { outputs: { tag: params.tag, sha } };
  }
  if (existing) throw new PermanentError(`tag ${params.tag} exists at ${existing}`);

  const annotate = params.message ? ['-a', '-m', params.message] : [];
  // tag.gpgSign off: a worker has no signing key, and a global setting must not make tagging hang or fail.
  await git(['-c', 'tag.gpgSign=false', 'tag', ...annotate, '--end-of-options', params.tag, sha], call);
  log('info', `tagged ${sha.slice(0, 7)} as ${params.tag}${params.message ? ' (annotated)' : ''}`);
  return { outputs: { tag: params.tag, sha } };
};
