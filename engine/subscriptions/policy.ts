// When a subscription speaks (issue 12): every time, failures only, status changes only, or into
// a digest. Pure: the caller loads the last outcome of the (subscription, group) and stores the
// returned one in the same transaction, so concurrent outcomes are decided one after another.
import type { Policy } from './schema';

/**
 * `neutral` is an outcome that is neither good nor bad (an event, a train departing or reaching a
 * station); `cancelled` is a run somebody stopped. Neither counts as a failure or a change.
 */
export type Outcome = 'success' | 'failure' | 'cancelled' | 'neutral';

export type Decision = {
  action: 'send' | 'digest' | 'skip';
  /** The outcome to remember for `changes`; undefined leaves the stored one as it is. */
  remember?: 'success' | 'failure';
};

/** Run status → outcome (queued/running never reach a subscription). */
export function runOutcome(status: string): Outcome {
  if (status === 'succeeded') return 'success';
  if (status === 'failed') return 'failure';
  if (status === 'cancelled') return 'cancelled';
  return 'neutral';
}

/** A train event's outcome: arriving is a success, derailing a failure; the rest is news. */
export function trainOutcome(type: string): Outcome {
  if (type === 'train.arrived') return 'success';
  if (type === 'train.derailed') return 'failure';
  return 'neutral';
}

/**
 * `last` is the remembered outcome of this group, or null when there is none yet: that counts as
 * a success, so a first failure is news and a first success is not (success, success, failure,
 * failure, success sends two messages).
 */
export function decide(policy: Policy, outcome: Outcome, last: 'success' | 'failure' | null): Decision {
  switch (policy) {
    case 'always':
      return { action: 'send' };
    case 'failures':
      return { action: outcome === 'failure' ? 'send' : 'skip' };
    case 'changes': {
      if (outcome !== 'success' && outcome !== 'failure') return { action: 'skip' };
      const before = last ?? 'success';
      return { action: outcome === before ? 'skip' : 'send', remember: outcome };
    }
    case 'digest-hourly':
    case 'digest-daily':
      return { action: 'digest' };
  }
}

/** The group key of a `changes` subscription: the groupBy value as text, or "" for one group. */
export function groupKeyOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.slice(0, 200);
}
