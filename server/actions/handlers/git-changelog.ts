import type { z } from 'zod';
import type { gitChangelog } from '@/engine/actions/git-changelog';
import { parseCommit } from '@/engine/changelog/conventional-commit';
import { renderChangelog } from '@/engine/changelog/render-markdown';
import { uniqueTickets } from '@/engine/changelog/tickets';
import { openRepo } from '../git/repo-path';
import { git, resolveCommit, tryGit, type GitCall } from '../git/run-git';
import { PermanentError, type ActionHandler } from '../types';

// Unit and record separators cannot appear in commit text typed by people, so splitting is safe.
const FORMAT = '--format=%H%x1f%s%x1f%b%x1e';

/** The latest tag reachable from `to`, skipping one on `to` itself (that is the release being described). */
async function previousTag(toSha: string, call: GitCall): Promise<string | null> {
  const onTo = await tryGit(['describe', '--tags', '--abbrev=0', '--exact-match', toSha], call);
  const start = onTo.code === 0 ? `${toSha}^` : toSha;
  if (onTo.code === 0 && !(await resolveCommit(start, call))) return null; // `to` is the root commit
  const r = await tryGit(['describe', '--tags', '--abbrev=0', start], call);
  return r.code === 0 ? r.stdout.trim() : null;
}

export const gitChangelogHandler: ActionHandler<z.output<typeof gitChangelog.params>> = async ({ params, signal, log, workspace }) => {
  const call = await openRepo(await workspace(), params.repo, signal);
  const to = params.to ?? 'HEAD';
  const toSha = await resolveCommit(to, call);
  if (!toSha) throw new PermanentError(`ref not found: ${to}`);
  const from = params.from ?? (await previousTag(toSha, call));
  if (from && !(await resolveCommit(from, call))) throw new PermanentError(`ref not found: ${from}`);

  const range = from ? `${from}..${toSha}` : toSha;
  const raw = await git(['log', '--no-merges', FORMAT, '--end-of-options', range, '--'], call);
  const commits = raw
    .split('\x1e')
    .map((record) => record.replace(/^\n/, ''))
    .filter(Boolean)
    .map((record) => {
      const [sha, subject, body = ''] = record.split('\x1f');
      return parseCommit(sha, subject, body);
    });
  log('info', `${commits.length} commits from ${from ?? 'the first commit'} to ${to}`);
  return {
    outputs: {
      from,
      to,
      commits,
      tickets: uniqueTickets(commits.map((c) => c.tickets)),
      markdown: renderChangelog(commits),
    },
  };
};
