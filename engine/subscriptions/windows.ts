// Time windows for the rate cap and the digests. Fixed windows (aligned to the epoch) rather than
// sliding ones: each window has one "N more" summary and one digest, named by its start, which
// makes both idempotent through the delivery's unique subject key.
import type { Policy } from './schema';

export type CapSettings = { max: number; windowMs: number };

export const windowStart = (at: number, windowMs: number): number => Math.floor(at / windowMs) * windowMs;

/**
 * `sentInWindow` counts the messages this subscription already sent (or is sending) in the
 * current window; beyond `max`, a message is capped and rolled into the window's summary.
 */
export const capDecision = (sentInWindow: number, cap: CapSettings): 'send' | 'cap' => (sentInWindow < cap.max ? 'send' : 'cap');

/** Subject key of the "N more" summary of the window starting at `start`. */
export const moreSubject = (start: number): string => `more:${new Date(start).toISOString()}`;

const HOUR = 3_600_000;
export const digestWindowMs = (policy: Policy): number => (policy === 'digest-daily' ? 24 * HOUR : HOUR);

/** The digest due at `now`: it collects everything recorded before the current window began. */
export function dueDigest(policy: Policy, now: number): { before: number; subjectKey: string; label: string } {
  const before = windowStart(now, digestWindowMs(policy));
  return { before, subjectKey: `digest:${new Date(before).toISOString()}`, label: policy === 'digest-daily' ? 'daily' : 'hourly' };
}
