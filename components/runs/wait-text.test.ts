import { describe, expect, it } from 'vitest';
import { approvalCount, isOpenApproval, waitHeadline, waitSentence, type StepWait } from './wait-text';

const approval = (decisions: StepWait['decisions'], required = 2): StepWait => ({
  kind: 'approval', since: '2026-01-01T00:00:00Z', message: 'Ship it?', required, approvers: [], decisions, resolved: false,
});
const d = (by: string, approve: boolean) => ({ by, approve, reason: null, at: '2026-01-01T00:01:00Z' });

describe('wait text', () => {
  it('counts distinct approvers only', () => {
    expect(approvalCount(approval([d('ann', true), d('ann', true), d('bob', false)]))).toBe(1);
    expect(waitHeadline(approval([d('ann', true)]))).toBe('1/2 approvals');
    expect(waitHeadline(approval([], 1))).toBe('0/1 approval');
  });

  it('describes event and delay waits', () => {
    const ev: StepWait = { kind: 'event', since: 'x', source: 'jenkins', type: 'build', match: 'candidate.payload.ok', resolved: false };
    expect(waitHeadline(ev)).toBe('jenkins / build');
    expect(waitSentence(ev)).toContain('matching candidate.payload.ok');
    expect(waitHeadline({ kind: 'delay', since: 'x', resolved: false })).toBe('delay');
  });

  it('offers decisions only on an unresolved approval of a waiting step', () => {
    expect(isOpenApproval({ status: 'waiting', wait: approval([]) })).toBe(true);
    expect(isOpenApproval({ status: 'waiting', wait: { ...approval([]), resolved: true } })).toBe(false);
    expect(isOpenApproval({ status: 'succeeded', wait: approval([]) })).toBe(false);
    expect(isOpenApproval({ status: 'waiting', wait: null })).toBe(false);
  });
});
