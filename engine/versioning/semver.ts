// Semantic Versioning 2.0.0, only what release workflows need: parse, compare, bump, pick the highest
// tag. Written by hand rather than depending on `semver` (only a transitive dependency here).

export type SemVer = { major: number; minor: number; patch: number; prerelease: (string | number)[]; build: string[] };
export type Bump = 'major' | 'minor' | 'patch';

const NUM = '0|[1-9]\\d*';
const PRE_ID = `(?:${NUM}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(
  `^(${NUM})\\.(${NUM})\\.(${NUM})(?:-(${PRE_ID}(?:\\.${PRE_ID})*))?(?:\\+([0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*))?$`,
);

/** Parses `1.2.3`, `1.2.3-rc.1+build.5`; anything else (including a prefix such as `v`) gives null. */
export function parseSemver(text: string): SemVer | null {
  const m = SEMVER.exec(text);
  if (!m) return null;
  return {
    major: Number(m[1]),
    minor: Number(m[2]),
    patch: Number(m[3]),
    // Numeric identifiers compare numerically, so keep them as numbers.
    prerelease: m[4] ? m[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [],
    build: m[5] ? m[5].split('.') : [],
  };
}

export function formatSemver(v: SemVer): string {
  const pre = v.prerelease.length ? `-${v.prerelease.join('.')}` : '';
  const build = v.build.length ? `+${v.build.join('.')}` : '';
  return `${v.major}.${v.minor}.${v.patch}${pre}${build}`;
}

/** Precedence per semver §11: build metadata is ignored; a prerelease sorts before its release. */
export function compareSemver(a: SemVer, b: SemVer): number {
  const core = a.major - b.major || a.minor - b.minor || a.patch - b.patch;
  if (core !== 0) return Math.sign(core);
  if (!a.prerelease.length || !b.prerelease.length) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return Math.sign(x - y);
    if (typeof x === 'number') return -1; // numeric identifiers have lower precedence than alphanumeric
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The next release. A prerelease of the target already counts as that release in progress
 * (2.0.0-rc.1 + major = 2.0.0), as in npm's semver.
 */
export function bumpSemver(v: SemVer, bump: Bump): SemVer {
  const pre = v.prerelease.length > 0;
  const base = { prerelease: [], build: [] };
  switch (bump) {
    case 'major':
      return pre && v.minor === 0 && v.patch === 0 ? { ...v, ...base } : { ...base, major: v.major + 1, minor: 0, patch: 0 };
    case 'minor':
      return pre && v.patch === 0 ? { ...v, ...base } : { ...base, major: v.major, minor: v.minor + 1, patch: 0 };
    case 'patch':
      return pre ? { ...v, ...base } : { ...base, major: v.major, minor: v.minor, patch: v.patch + 1 };
  }
}

export type VersionTag = { tag: string; prefix: string; version: SemVer };

/**
 * Picks the highest semver among tag names (not the newest by date: a 1.4.3 hotfix tagged after
 * 2.0.0 must not win). With `prefix` only tags carrying exactly that prefix count; without it, a bare
 * version or a `v` prefix. Non-semver tags are ignored.
 */
export function highestVersionTag(tags: readonly string[], prefix?: string): VersionTag | null {
  let best: VersionTag | null = null;
  for (const tag of tags) {
    const used = prefix ?? (tag.startsWith('v') ? 'v' : '');
    if (!tag.startsWith(used)) continue;
    const version = parseSemver(tag.slice(used.length));
    if (version && (!best || compareSemver(version, best.version) > 0)) best = { tag, prefix: used, version };
  }
  return best;
}
