// How sign-in failures slow down guessing without handing a stranger the power to lock the real
// person out. Failures are counted per (email, client address) pair: after a few free failures
// each further one locks that pair for an exponentially growing delay that expires on its own.
// A looser cap per email stops guessing spread over many addresses; it does not apply to an
// address the person recently signed in from, so their own machine keeps working during an attack.

export type BackoffPolicy = {
  /** Failures per pair before any delay (typos). */
  freeFailures: number;
  /** The first delay; each further failure doubles it. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** How long a pair's failures are remembered after the last one. */
  pairMemoryMs: number;
  /** Failures per email per window, from all addresses not known for this person. */
  emailCap: number;
  emailWindowMs: number;
  /** How long a successful sign-in makes an address "known" for that email. */
  knownAddressMs: number;
};

export const SIGN_IN_BACKOFF: BackoffPolicy = {
  freeFailures: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  pairMemoryMs: 60 * 60_000,
  emailCap: 50,
  emailWindowMs: 15 * 60_000,
  knownAddressMs: 30 * 24 * 60 * 60_000,
};

/** How long a pair is locked after its `failures`-th consecutive failure (0: not locked). */
export function lockDelayMs(failures: number, policy: BackoffPolicy = SIGN_IN_BACKOFF): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  // 2^(over-1) grows past any cap within ~30 steps; clamp the exponent to stay a finite number.
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(over - 1, 40));
}

export type SignInGate =
  | { allowed: true }
  | { allowed: false; why: 'pair-locked' | 'email-cap' | 'address-limit'; retryAfterMs: number };

/** Whether an attempt may check the password, from what the store says about this email and address. */
export function signInGate(
  state: { pairLockMs: number; emailFailures: number; emailWindowLeftMs: number; knownAddress: boolean },
  policy: BackoffPolicy = SIGN_IN_BACKOFF,
): SignInGate {
  if (state.pairLockMs > 0) return { allowed: false, why: 'pair-locked', retryAfterMs: state.pairLockMs };
  if (!state.knownAddress && state.emailFailures >= policy.emailCap) {
    return { allowed: false, why: 'email-cap', retryAfterMs: Math.max(1, state.emailWindowLeftMs) };
  }
  return { allowed: true };
}
