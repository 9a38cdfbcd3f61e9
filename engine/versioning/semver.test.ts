import { describe, expect, it } from 'vitest';
import { bumpSemver, compareSemver, formatSemver, highestVersionTag, parseSemver, type SemVer } from './semver';

const v = (text: string): SemVer => parseSemver(text)!;

describe('parseSemver / formatSemver', () => {
  it('round-trips releases, prereleases and build metadata', () => {
    for (const text of ['0.0.0', '1.2.3', '10.20.30', '1.0.0-rc.1', '1.0.0-alpha.beta+exp.sha.5114f85', '1.2.3+build']) {
      expect(formatSemver(v(text))).toBe(text);
    }
    expect(v('1.0.0-rc.11').prerelease).toEqual(['rc', 11]);
  });

  it('rejects non-semver text, prefixes and leading zeros', () => {
    for (const text of ['v1.2.3', '1.2', '1.2.3.4', '01.2.3', '1.2.3-01', 'release-1', '', '1.2.3-', 'latest']) {
      expect(parseSemver(text), text).toBeNull();
    }
  });
});

describe('compareSemver', () => {
  it('orders by precedence as in semver.org §11', () => {
    const ordered = ['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-alpha.beta', '1.0.0-beta', '1.0.0-beta.2', '1.0.0-beta.11', '1.0.0-rc.1', '1.0.0', '1.0.1', '1.1.0', '2.0.0'];
    const shuffled = [...ordered].reverse();
    expect(shuffled.map(v).sort(compareSemver).map(formatSemver)).toEqual(ordered);
  });

  it('ignores build metadata and compares numbers numerically', () => {
    expect(compareSemver(v('1.0.0+a'), v('1.0.0+b'))).toBe(0);
    expect(compareSemver(v('1.10.0'), v('1.9.0'))).toBe(1);
  });
});

describe('bumpSemver', () => {
  it('bumps major, minor and patch, resetting lower parts', () => {
    expect(formatSemver(bumpSemver(v('1.4.2'), 'major'))).toBe('2.0.0');
    expect(formatSemver(bumpSemver(v('1.4.2'), 'minor'))).toBe('1.5.0');
    expect(formatSemver(bumpSemver(v('1.4.2'), 'patch'))).toBe('1.4.3');
    expect(formatSemver(bumpSemver(v('1.4.2+b7'), 'patch'))).toBe('1.4.3');
  });

  it('finishes a prerelease of the target instead of skipping past it', () => {
    expect(formatSemver(bumpSemver(v('2.0.0-rc.1'), 'major'))).toBe('2.0.0');
    expect(formatSemver(bumpSemver(v('1.5.0-rc.1'), 'minor'))).toBe('1.5.0');
    expect(formatSemver(bumpSemver(v('1.5.1-rc.1'), 'minor'))).toBe('1.6.0');
    expect(formatSemver(bumpSemver(v('1.5.1-rc.1'), 'patch'))).toBe('1.5.1');
  });
});

describe('highestVersionTag', () => {
  it('picks the highest version, not the last listed, and ignores non-semver tags', () => {
    const best = highestVersionTag(['v1.4.0', 'v2.0.0', 'v1.4.3', 'nightly', 'v3', 'release-9.9.9', 'v2.0.0-rc.1']);
    expect(best).toMatchObject({ tag: 'v2.0.0', prefix: 'v' });
  });

  it('accepts bare versions and reports the prefix used', () => {
    expect(highestVersionTag(['1.2.0', 'v1.1.0'])).toMatchObject({ tag: '1.2.0', prefix: '' });
  });

  it('with an explicit prefix counts only tags that carry it', () => {
    const tags = ['api-v1.0.0', 'web-v4.0.0', 'api-v1.2.0', 'v9.0.0'];
    expect(highestVersionTag(tags, 'api-v')?.tag).toBe('api-v1.2.0');
    expect(highestVersionTag(tags, 'nope-')).toBeNull();
    expect(highestVersionTag([])).toBeNull();
  });
});
