// The Redis side of engine/auth/sign-in-backoff.ts: per (email, address) failure counts and
// expiring locks, a per-email failure window, and the addresses each email signed in from.
// Shared by every web process. Redis being slow or down must not stop sign-in, so every call
// gives up after a short budget and lets the attempt through (logged), like the other limits.
import { lockDelayMs, signInGate, SIGN_IN_BACKOFF as P, type SignInGate } from '@/engine/auth/sign-in-backoff';
import { sha256 } from '../crypto';
import { hit } from '../http/rate-limit';
import { sharedRedis } from '../queue/connection';

const REDIS_BUDGET_MS = 250;
/** Per client address, across emails: guessing many accounts from one machine. */
const PER_ADDRESS = { limit: 30, windowMs: 5 * 60_000 };

const emailKey = (email: string) => sha256(email.trim().toLowerCase());
const keys = (email: string, address: string | null) => {
  const e = emailKey(email);
  const a = address ?? 'unknown';
  const window = Math.floor(Date.now() / P.emailWindowMs);
  return {
    failures: `railyard:signin:pair:${e}:${a}:failures`,
    lock: `railyard:signin:pair:${e}:${a}:lock`,
    emailWindow: `railyard:signin:email:${e}:${window}`,
    windowLeftMs: (window + 1) * P.emailWindowMs - Date.now(),
    known: `railyard:signin:known:${e}`,
    address: a,
  };
};

let lastWarned = 0;
async function withRedis<T>(what: string, op: (r: ReturnType<typeof sharedRedis>) => Promise<T>, fallback: T): Promise<T> {
  const redis = sharedRedis();
  let timer: NodeJS.Timeout | undefined;
  try {
    if (['reconnecting', 'close', 'end'].includes(redis.status)) throw new Error(`connection ${redis.status}`);
    return await Promise.race([
      op(redis),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_BUDGET_MS} ms`)), REDIS_BUDGET_MS);
      }),
    ]);
  } catch (err) {
    if (Date.now() - lastWarned > 60_000) {
      lastWarned = Date.now();
      console.warn(`[sign-in] Redis unavailable (${what}), sign-in limits not enforced: ${(err as Error)?.message ?? err}`);
    }
    return fallback;
  } finally {
    clearTimeout(timer);
  }
}

/** Whether this attempt may check the password at all; call before verifying it. */
export async function signInAllowed(email: string, address: string | null): Promise<SignInGate> {
  const k = keys(email, address);
  const gate = await withRedis<SignInGate>('check', async (r) => {
    const res = await r.multi().pttl(k.lock).get(k.emailWindow).sismember(k.known, k.address).exec();
    const [lockTtl, failures, known] = (res ?? []).map(([, v]) => v);
    return signInGate({
      pairLockMs: Math.max(0, Number(lockTtl)),
      emailFailures: Number(failures ?? 0),
      emailWindowLeftMs: k.windowLeftMs,
      knownAddress: Number(known) === 1,
    });
  }, { allowed: true });
  if (!gate.allowed || !address) return gate;
  const byAddress = await hit(`signin:ip:${address}`, PER_ADDRESS.limit, PER_ADDRESS.windowMs);
  return byAddress.allowed ? gate : { allowed: false, why: 'address-limit', retryAfterMs: byAddress.retryAfterSeconds * 1000 };
}

/** A wrong password (or unknown email): count it for the pair and the email, lock the pair if due. */
export async function recordSignInFailure(email: string, address: string | null): Promise<void> {
  const k = keys(email, address);
  await withRedis('failure', async (r) => {
    const res = await r
      .multi()
      .incr(k.failures)
      .pexpire(k.failures, P.pairMemoryMs)
      .incr(k.emailWindow)
      .pexpire(k.emailWindow, P.emailWindowMs + 1000)
      .exec();
    const delay = lockDelayMs(Number(res?.[0]?.[1] ?? 0));
    if (delay > 0) await r.set(k.lock, '1', 'PX', delay);
  }, undefined);
}

/** The right password: forget the pair's failures and remember the address as the person's own. */
export async function recordSignInSuccess(email: string, address: string | null): Promise<void> {
  const k = keys(email, address);
  await withRedis('success', async (r) => {
    await r.multi().del(k.failures, k.lock).sadd(k.known, k.address).pexpire(k.known, P.knownAddressMs).exec();
  }, undefined);
}
