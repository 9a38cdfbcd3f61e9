// Fixed-window rate limits in Redis (INCR + PEXPIRE on a key per window), shared by every web
// process. A fixed window allows at most twice the limit across a window boundary, which is fine
// for what these limits are for: slowing password guessing and shielding the database from a
// runaway sender. Redis being down must not stop the product, so limits then fail open (logged).
import { sha256 } from '../crypto';
import { env } from '../env';
import { sharedRedis } from '../queue/connection';

export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/** How long a limit check may wait for Redis before giving up and allowing the request. */
const REDIS_BUDGET_MS = 250;

const SIGN_IN_WINDOW_MS = 5 * 60_000;
/** Per account: enough for typos, far too few for guessing. */
const SIGN_IN_PER_EMAIL = 10;
/** Per client address: higher, since an office shares one address behind NAT. */
const SIGN_IN_PER_IP = 30;

let lastWarned = 0;
function warnOpen(err: unknown) {
  // Once a minute at most: during an outage every request would log otherwise.
  if (Date.now() - lastWarned < 60_000) return;
  lastWarned = Date.now();
  console.warn(`[rate-limit] Redis unavailable, limits not enforced: ${(err as Error)?.message ?? err}`);
}

/** Counts one hit on `key` and says whether it is within `limit` per `windowMs`. */
export async function hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
  const redis = sharedRedis();
  // The shared connection queues commands while Redis is away (it waits out restarts); a limit
  // check must not, so a connection that is not ready answers "allowed" at once.
  if (['reconnecting', 'close', 'end'].includes(redis.status)) {
    warnOpen(new Error(`connection ${redis.status}`));
    return { allowed: true, retryAfterSeconds: 0 };
  }
  const redisKey = `railyard:rl:${key}:${window}`;
  let timer: NodeJS.Timeout | undefined;
  try {
    const count = await Promise.race([
      redis
        .multi()
        .incr(redisKey)
        .pexpire(redisKey, windowMs + 1000)
        .exec()
        .then((res) => Number(res?.[0]?.[1] ?? 0)),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${REDIS_BUDGET_MS} ms`)), REDIS_BUDGET_MS);
      }),
    ]);
    return count > limit ? { allowed: false, retryAfterSeconds } : { allowed: true, retryAfterSeconds: 0 };
  } catch (err) {
    warnOpen(err);
    return { allowed: true, retryAfterSeconds: 0 };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One sign-in attempt for this email from this address; call it before checking the password, so
 * a limited attempt is refused even when the password is right. Emails are hashed in the key.
 */
export async function limitSignIn(email: string, ip: string | null): Promise<RateDecision> {
  const byEmail = await hit(`signin:email:${sha256(email.trim().toLowerCase())}`, SIGN_IN_PER_EMAIL, SIGN_IN_WINDOW_MS);
  const byIp = ip ? await hit(`signin:ip:${ip}`, SIGN_IN_PER_IP, SIGN_IN_WINDOW_MS) : { allowed: true, retryAfterSeconds: 0 };
  if (byEmail.allowed && byIp.allowed) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.max(byEmail.retryAfterSeconds, byIp.retryAfterSeconds) };
}

/** One delivery to a source's intake; RAILYARD_INTAKE_RATE_PER_MIN per source. */
export function limitIntake(sourceKey: string): Promise<RateDecision> {
  // Hashed: the key comes from the URL and may be long or odd; unknown sources count too (cheaply).
  return hit(`intake:${sha256(sourceKey)}`, env().RAILYARD_INTAKE_RATE_PER_MIN, 60_000);
}
