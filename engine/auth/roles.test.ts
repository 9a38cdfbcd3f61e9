import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLES, weaker, type Permission } from './roles';

describe('roles', () => {
  it('matches the table of issue 4', () => {
    const allowed = (perm: Permission) => ROLES.filter((r) => can(r, perm));
    expect(allowed('read')).toEqual(['viewer', 'releaser', 'editor', 'admin']);
    expect(allowed('approvals.decide')).toEqual(['releaser', 'editor', 'admin']);
    expect(allowed('runs.cancel')).toEqual(['releaser', 'editor', 'admin']);
    expect(allowed('workflows.publish')).toEqual(['editor', 'admin']);
    expect(allowed('events.replay')).toEqual(['editor', 'admin']);
    expect(allowed('secrets.manage')).toEqual(['admin']);
    expect(allowed('users.manage')).toEqual(['admin']);
  });

  it('every permission names a known role', () => {
    for (const role of Object.values(PERMISSIONS)) expect(ROLES).toContain(role);
  });

  it('a token is capped by its owner role', () => {
    expect(weaker('admin', 'viewer')).toBe('viewer');
    expect(weaker('releaser', 'editor')).toBe('releaser');
  });
});
