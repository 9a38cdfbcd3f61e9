import { describe, expect, it } from 'vitest';
import { decide, runOutcome, trainOutcome, type Outcome } from './policy';
import type { Policy } from './schema';
import { capDecision, dueDigest, windowStart } from './windows';

/** Feeds a sequence through a policy the way the matcher does, remembering as told. */
function sends(policy: Policy, outcomes: Outcome[]): boolean[] {
  let last: 'success' | 'failure' | null = null;
  return outcomes.map((o) => {
    const d = decide(policy, o, last);
    if (d.remember) last = d.remember;
    return d.action === 'send';
  });
}

describe('policies', () => {
  const seq: Outcome[] = ['success', 'success', 'failure', 'failure', 'success'];
  it('changes: a failure after a success and the first success after failures (sends 2)', () => {
    expect(sends('changes', seq)).toEqual([false, false, true, false, true]);
  });
  it('changes: a first failure is news, neutral and cancelled outcomes change nothing', () => {
    expect(sends('changes', ['failure', 'cancelled', 'neutral', 'failure', 'success'])).toEqual([true, false, false, false, true]);
  });
  it('failures and always', () => {
    expect(sends('failures', seq)).toEqual([false, false, true, true, false]);
    expect(sends('always', seq)).toEqual([true, true, true, true, true]);
  });
  it('digests collect everything', () => {
    expect(decide('digest-hourly', 'success', null).action).toBe('digest');
    expect(decide('digest-daily', 'failure', 'failure').action).toBe('digest');
  });
  it('maps run statuses and train events to outcomes', () => {
    expect(['succeeded', 'failed', 'cancelled'].map(runOutcome)).toEqual(['success', 'failure', 'cancelled']);
    expect(['train.departed', 'train.station-reached', 'train.arrived', 'train.derailed'].map(trainOutcome)).toEqual(['neutral', 'neutral', 'success', 'failure']);
  });
});

describe('windows', () => {
  it('caps beyond max in a window', () => {
    expect([0, 4, 5, 9].map((n) => capDecision(n, { max: 5, windowMs: 600_000 }))).toEqual(['send', 'send', 'cap', 'cap']);
    expect(windowStart(1_234_567, 600_000)).toBe(1_200_000);
  });
  it('names the due digest by the start of the current window', () => {
    const now = Date.parse('2026-12-01T10:42:00Z');
    expect(dueDigest('digest-hourly', now)).toMatchObject({ before: Date.parse('2026-12-01T10:00:00Z'), subjectKey: 'digest:2026-12-01T10:00:00.000Z' });
    expect(dueDigest('digest-daily', now).subjectKey).toBe('digest:2026-12-01T00:00:00.000Z');
  });
});
