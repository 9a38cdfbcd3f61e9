// Train versions (SemVer). A regular train takes the bump of the highest released version (or
// `version.initial` while nothing has been released, or when it was raised above the last
// release); a hotfix takes a patch bump of the last release and starts from its tag.
import { bumpSemver, compareSemver, formatSemver, parseSemver, type Bump, type SemVer } from '../versioning/semver';

export type VersionScheme = { initial: string; bump: Bump; tagPrefix: string };
/** A train that arrived (its version was released). */
export type Released = { kind: 'regular' | 'hotfix'; version: string };

function highest(released: readonly Released[]): SemVer | null {
  let best: SemVer | null = null;
  for (const r of released) {
    const v = parseSemver(r.version);
    if (v && (!best || compareSemver(v, best) > 0)) best = v;
  }
  return best;
}

/**
 * The next regular version. The last arrived regular train's version bumped; a hotfix released
 * after it counts too (with `bump: patch`, 1.5.0 then hotfix 1.5.1 must give 1.5.2, not 1.5.1 again).
 */
export function nextRegularVersion(released: readonly Released[], scheme: VersionScheme): string {
  const initial = parseSemver(scheme.initial)!;
  const last = highest(released);
  if (!last) return formatSemver(initial);
  const next = bumpSemver(last, scheme.bump);
  return formatSemver(compareSemver(initial, next) > 0 ? initial : next);
}

/** A hotfix: patch bump of the last released version, from that release's tag; null before any release. */
export function hotfixVersion(released: readonly Released[], scheme: VersionScheme): { version: string; baseRef: string } | null {
  const last = highest(released);
  if (!last) return null;
  return { version: formatSemver(bumpSemver(last, 'patch')), baseRef: `${scheme.tagPrefix}${formatSemver(last)}` };
}

/** A work-in-progress build, Maven style: `snapshotVersion('1.5.0', '3fa2c1d9…')` → `1.5.0-SNAPSHOT+3fa2c1d`. */
export function snapshotVersion(version: string, shortSha: string): string {
  const v = parseSemver(version);
  const core = v ? `${v.major}.${v.minor}.${v.patch}` : version;
  const sha = shortSha.trim().slice(0, 7).toLowerCase();
  if (!/^[0-9a-f]{4,7}$/.test(sha)) throw new Error(`not a commit sha: "${shortSha}"`);
  return `${core}-SNAPSHOT+${sha}`;
}
