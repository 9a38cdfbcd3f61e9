import { describe, expect, it } from 'vitest';
import { hotfixVersion, nextRegularVersion, snapshotVersion } from './versions';

const scheme = { initial: '1.4.0', bump: 'minor' as const, tagPrefix: 'v' };

describe('train versions', () => {
  it('starts at version.initial, then bumps the last release', () => {
    expect(nextRegularVersion([], scheme)).toBe('1.4.0');
    expect(nextRegularVersion([{ kind: 'regular', version: '1.4.0' }], scheme)).toBe('1.5.0');
    expect(nextRegularVersion([{ kind: 'regular', version: '1.4.0' }, { kind: 'regular', version: '1.5.0' }], scheme)).toBe('1.6.0');
  });
  it('counts a hotfix released after the last regular train (patch schemes would collide otherwise)', () => {
    expect(nextRegularVersion([{ kind: 'regular', version: '1.5.0' }, { kind: 'hotfix', version: '1.5.1' }], scheme)).toBe('1.6.0');
    expect(nextRegularVersion([{ kind: 'regular', version: '1.5.0' }, { kind: 'hotfix', version: '1.5.1' }], { ...scheme, bump: 'patch' })).toBe('1.5.2');
  });
  it('takes version.initial when it was raised above the next bump', () => {
    expect(nextRegularVersion([{ kind: 'regular', version: '1.5.0' }], { ...scheme, initial: '2.0.0' })).toBe('2.0.0');
  });
  it('gives a hotfix the patch bump of the last release, from its tag', () => {
    expect(hotfixVersion([], scheme)).toBeNull();
    expect(hotfixVersion([{ kind: 'regular', version: '1.5.0' }, { kind: 'regular', version: '1.4.0' }], scheme)).toEqual({ version: '1.5.1', baseRef: 'v1.5.0' });
    expect(hotfixVersion([{ kind: 'regular', version: '1.5.0' }, { kind: 'hotfix', version: '1.5.1' }], { ...scheme, tagPrefix: 'release-' })).toEqual({ version: '1.5.2', baseRef: 'release-1.5.1' });
  });
  it('writes snapshot versions the Maven way', () => {
    expect(snapshotVersion('1.5.0', '3fa2c1d9e8b7')).toBe('1.5.0-SNAPSHOT+3fa2c1d');
    expect(snapshotVersion('1.5.0-rc.1', '3FA2C1D')).toBe('1.5.0-SNAPSHOT+3fa2c1d');
    expect(() => snapshotVersion('1.5.0', 'main')).toThrow(/not a commit sha/);
  });
});
