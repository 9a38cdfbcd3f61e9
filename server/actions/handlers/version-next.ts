import type { z } from 'zod';
import type { versionNext } from '@/engine/actions/version-next';
import { bumpSemver, formatSemver, highestVersionTag } from '@/engine/versioning/semver';
import { openRepo } from '../git/repo-path';
import { git } from '../git/run-git';
import type { ActionHandler } from '../types';

// Read-only, so repeating the step is harmless; the tag it proposes is created (idempotently) by git.tag.
export const versionNextHandler: ActionHandler<z.output<typeof versionNext.params>> = async ({ params, signal, log, workspace }) => {
  const call = await openRepo(await workspace(), params.repo, signal);
  const tags = (await git(['tag', '--list'], call)).split('\n').filter(Boolean);
  const latest = highestVersionTag(tags, params.prefix);
  // A repository without version tags starts the convention most tools expect: v-prefixed tags.
  const prefix = params.prefix ?? latest?.prefix ?? 'v';
  const base = latest?.version ?? { major: 0, minor: 0, patch: 0, prerelease: [], build: [] };
  let version = formatSemver(bumpSemver(base, params.bump));
  if (params.snapshot) version += `-SNAPSHOT+${await git(['rev-parse', '--short=7', 'HEAD'], call)}`;
  const previous = latest ? formatSemver(latest.version) : null;
  log('info', `${previous ?? 'no version tag yet'} → ${version} (${params.bump})`);
  return { outputs: { version, previous, tag: `${prefix}${version}` } };
};
