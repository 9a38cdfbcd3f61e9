import { describe, expect, it } from 'vitest';
import { lockDelayMs, signInGate, SIGN_IN_BACKOFF as P } from './sign-in-backoff';

describe('lockDelayMs', () => {
  it('allows a few typos without delay', () => {
    for (let n = 0; n <= P.freeFailures; n++) expect(lockDelayMs(n)).toBe(0);
  });
  it('doubles after that, up to a cap, so every lock expires', () => {
    expect(lockDelayMs(P.freeFailures + 1)).toBe(1_000);
    expect(lockDelayMs(P.freeFailures + 2)).toBe(2_000);
    expect(lockDelayMs(P.freeFailures + 5)).toBe(16_000);
    expect(lockDelayMs(P.freeFailures + 30)).toBe(P.maxDelayMs);
    expect(lockDelayMs(1e9)).toBe(P.maxDelayMs);
  });
});

describe('signInGate', () => {
  const quiet = { pairLockMs: 0, emailFailures: 0, emailWindowLeftMs: 0, knownAddress: false };
  it('lets an attempt through when nothing is locked', () => {
    expect(signInGate(quiet)).toEqual({ allowed: true });
  });
  it('refuses a locked pair, even from a known address', () => {
    expect(signInGate({ ...quiet, pairLockMs: 4000, knownAddress: true })).toEqual({ allowed: false, why: 'pair-locked', retryAfterMs: 4000 });
  });
  it('applies the per-email cap to unknown addresses only', () => {
    const hammered = { ...quiet, emailFailures: P.emailCap, emailWindowLeftMs: 60_000 };
    expect(signInGate(hammered)).toEqual({ allowed: false, why: 'email-cap', retryAfterMs: 60_000 });
    expect(signInGate({ ...hammered, knownAddress: true })).toEqual({ allowed: true });
  });
});
