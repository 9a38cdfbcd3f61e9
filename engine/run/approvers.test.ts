import { describe, expect, it } from 'vitest';
import { approvalRefusal, isListedApprover, type Approver } from './approvers';

const person = (role: Approver['role'], name = 'rita', email: string | null = 'rita@example.com'): Approver => ({ key: `u-${name}`, role, name, email });
const step = (approvers: string[], extra: Partial<Parameters<typeof approvalRefusal>[0]> = {}) => ({ approvers, decisions: [], startedBy: null, runNumber: 7, ...extra });

describe('approvers', () => {
  it('an empty list admits releasers and above, never viewers', () => {
    expect(isListedApprover([], person('releaser'))).toBe(true);
    expect(isListedApprover([], person('viewer'))).toBe(false);
  });

  it('a role admits that role and above; names and emails match case-insensitively', () => {
    expect(isListedApprover(['editor'], person('releaser'))).toBe(false);
    expect(isListedApprover(['editor'], person('admin'))).toBe(true);
    expect(isListedApprover(['RITA'], person('releaser'))).toBe(true);
    expect(isListedApprover(['Rita@Example.com'], person('releaser'))).toBe(true);
    // Being listed by name never lets a viewer decide.
    expect(isListedApprover(['rita'], person('viewer'))).toBe(false);
  });

  it('refuses self-approval first, then unlisted people, then a second decision by the same person', () => {
    expect(approvalRefusal(step([], { startedBy: 'u-rita' }), person('admin'))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/no self-approval/) });
    expect(approvalRefusal(step(['rob']), person('admin'))).toMatchObject({ code: 'forbidden' });
    const decided = [{ by: 'rita', key: 'u-rita', approve: true, reason: null, at: '' }];
    expect(approvalRefusal(step([], { decisions: decided }), person('releaser'))).toMatchObject({ code: 'conflict' });
    expect(approvalRefusal(step([]), person('releaser'))).toBeNull();
  });
});
