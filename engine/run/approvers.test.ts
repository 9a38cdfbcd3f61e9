import { describe, expect, it } from 'vitest';
import { approvalRefusal, isListedApprover, type Approver } from './approvers';

const person = (role: Approver['role'], id = 'u-rita', email: string | null = 'rita@example.com'): Approver => ({ key: id, role, userId: id, email });
const step = (approvers: string[], extra: Partial<Parameters<typeof approvalRefusal>[0]> = {}) =>
  ({ approvers, decisions: [], startedBy: null, sentBy: null, runNumber: 7, ...extra });

describe('approvers', () => {
  it('an empty list admits releasers and above, never viewers', () => {
    expect(isListedApprover([], person('releaser'))).toBe(true);
    expect(isListedApprover([], person('viewer'))).toBe(false);
  });

  it('a role admits that role and above; emails match case-insensitively, user ids exactly', () => {
    expect(isListedApprover(['editor'], person('releaser'))).toBe(false);
    expect(isListedApprover(['editor'], person('admin'))).toBe(true);
    expect(isListedApprover(['Rita@Example.com'], person('releaser'))).toBe(true);
    expect(isListedApprover(['u-rita'], person('releaser'))).toBe(true);
    expect(isListedApprover(['U-RITA'], person('releaser'))).toBe(false);
    // Being listed never lets a viewer decide.
    expect(isListedApprover(['rita@example.com'], person('viewer'))).toBe(false);
  });

  it('never matches a display name, whatever the person calls themselves', () => {
    // The Approver carries no name at all: "Alice" in the list can only be a user id.
    expect(isListedApprover(['Alice'], person('releaser', 'u-mallory', 'mallory@example.com'))).toBe(false);
    expect(isListedApprover(['alice@example.com'], person('releaser', 'u-mallory', 'mallory@example.com'))).toBe(false);
  });

  it('a token without a person matches roles only', () => {
    const token: Approver = { key: 'token:admin', role: 'admin', userId: null, email: null };
    expect(isListedApprover(['releaser'], token)).toBe(true);
    expect(isListedApprover(['token:admin', 'admin@x.io'], token)).toBe(false);
  });

  it('refuses self-approval (starter or API sender) first, then unlisted people, then a second decision', () => {
    expect(approvalRefusal(step([], { startedBy: 'u-rita' }), person('admin'))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/you started run #7.*no self-approval/) });
    expect(approvalRefusal(step([], { sentBy: 'u-rita' }), person('admin'))).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/you sent the event.*no self-approval/) });
    expect(approvalRefusal(step(['rob@example.com']), person('admin'))).toMatchObject({ code: 'forbidden' });
    const decided = [{ by: 'rita', key: 'u-rita', approve: true, reason: null, at: '' }];
    expect(approvalRefusal(step([], { decisions: decided }), person('releaser'))).toMatchObject({ code: 'conflict' });
    expect(approvalRefusal(step([], { sentBy: 'u-rob', startedBy: 'u-rob' }), person('releaser'))).toBeNull();
  });
});
