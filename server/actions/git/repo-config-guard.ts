// A repository's own config (.git/config, config.worktree) can name programs through settings no
// `-c` override neutralises, because their names contain a user-chosen part (filter.<driver>.smudge,
// diff.<driver>.textconv, url.<base>.insteadOf…). A repository whose config does so is refused before
// any git step touches it. Railyard itself never writes such settings, and a clone never gets them
// from its remote, so in practice this finds only tampering (or a repository an operator prepared by
// hand, which should live outside run workspaces).
import { PermanentError } from '../types';
import { tryGit, type GitCall } from './run-git';

// Mirrors the keys @simple-git/argv-parser refuses from callers (its preventUnsafeConfig list), plus
// the few that move the work tree or alternates elsewhere. Keys are matched lower-cased; `.*.`
// stands for a subsection (a driver, remote or URL name).
const UNSAFE: readonly RegExp[] = [
  /^core\.(fsmonitor|hookspath|sshcommand|pager|editor|askpass|gitproxy|alternaterefscommand|alternaterefsprefixes|worktree)$/,
  /^sequence\.editor$/,
  /^credential\.(.*\.)?helper$/,
  /^diff\.(external|.*\.command|.*\.textconv)$/,
  /^(difftool|mergetool)\..*\.(cmd|path)$/,
  /^merge\..*\.driver$/,
  /^filter\..*\.(clean|smudge|process)$/,
  /^gpg\.(.*\.)?program$/,
  /^include\.path$/,
  /^includeif\..*\.path$/,
  /^init\.templatedir$/,
  /^pager\./,
  /^remote\..*\.(uploadpack|receivepack|vcs|proxy)$/, // a proxy of the repository's choosing would skip the remote guard and its pins
  /^uploadpack\.packobjectshook$/,
  /^submodule\..*\.update$/,
  /^tar\..*\.command$/,
  /^trailer\..*\.(cmd|command)$/,
  /^url\..*\.(insteadof|pushinsteadof)$/,
  /^protocol\./,
  /^http\.(.*\.)?(proxy|curloptresolve)$/,
];

export const isUnsafeRepoKey = (key: string): boolean => UNSAFE.some((re) => re.test(key.toLowerCase()));

/** Throws a PermanentError naming the first unsafe setting of the repository's local config. */
export async function assertSafeRepoConfig(call: GitCall, shown: string, gitDir?: string): Promise<void> {
  const explicit = gitDir ? ['--git-dir', gitDir] : []; // a bare repository is found only when named
  const r = await tryGit([...explicit, 'config', '--list', '--show-scope', '--name-only', '-z'], call);
  if (r.code !== 0) throw new PermanentError(`cannot read the git config of ${shown}: ${r.stderr.trim().split('\n').pop()}`);
  const fields = r.stdout.split('\0');
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const [scope, key] = [fields[i], fields[i + 1]];
    // "command" entries are Railyard's own overrides; global is the operator's RAILYARD_GIT_CONFIG.
    if ((scope === 'local' || scope === 'worktree') && isUnsafeRepoKey(key)) {
      throw new PermanentError(
        `refusing to use ${shown}: its git config sets ${key}, which can make git run a program or reach another host; git steps do not use repositories configured that way`,
      );
    }
  }
}
