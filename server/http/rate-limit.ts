// Fixed-window rate limits in Redis (INCR + PEXPIRE on a key per window), shared by every web
// process. A fixed window allows at most twice the limit across a window boundary, which is fine
// for what these limits are for: slowing password guessing and shielding the database from a
// runaway sender. Redis being down must not stop the product, so limits then fail open (logged).
import { sha256 } from '../crypto';
import { env } from '../env';
import { guardedRedis } from '../queue/redis-guard';

export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

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

function windowOf(windowMs: number) {
  const now = Date.now();
  const window = Math.floor(now / windowMs);
  return { window, retryAfterSeconds: Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)) };
}

/**
 * Counts one hit on `key` and says whether it is within `limit` per `windowMs`. Redis is reached
 * through the web guard (server/queue/redis-guard.ts): a stalled or absent Redis costs at most its
 * budget once, then the check is skipped (allowed) until Redis answers again.
 */
export async function hit(key: string, limit: number, windowMs: number): Promise<RateDecision> {
  const { window, retryAfterSeconds } = windowOf(windowMs);
  const redisKey = `railyard:rl:${key}:${window}`;
  try {
    const count = await guardedRedis((redis) =>
      redis
        .multi()
        .incr(redisKey)
        .pexpire(redisKey, windowMs + 1000)
        .exec()
        .then((res) => Number(res?.[0]?.[1] ?? 0)),
    );
    return count > limit ? { allowed: false, retryAfterSeconds } : { allowed: true, retryAfterSeconds: 0 };
  } catch (err) {
    warnOpen(err);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}

/** Whether `key` is already over `limit` in this window, without counting (fails open too). */
export async function isOver(key: string, limit: number, windowMs: number): Promise<RateDecision> {
  const { window, retryAfterSeconds } = windowOf(windowMs);
  try {
    const count = Number((await guardedRedis((redis) => redis.get(`railyard:rl:${key}:${window}`))) ?? 0);
    return count >= limit ? { allowed: false, retryAfterSeconds } : { allowed: true, retryAfterSeconds: 0 };
  } catch (err) {
    warnOpen(err);
    return { allowed: true, retryAfterSeconds: 0 };
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

/**
 * One authenticated delivery to a source's intake; RAILYARD_INTAKE_RATE_PER_MIN per source. Called
 * only once the source credential checked out, so a sender without the secret never spends the
 * source's budget (and cannot make the real sender's deliveries get 429).
 */
export function limitIntake(sourceKey: string): Promise<RateDecision> {
  // Hashed: the key comes from the URL and may be long or odd.
  return hit(`intake:${sha256(sourceKey)}`, env().RAILYARD_INTAKE_RATE_PER_MIN, 60_000);
}

const intakeIpKey = (ip: string) => `intake:ip:${sha256(ip)}`;

/**
 * Before authentication: an address that already failed RAILYARD_INTAKE_FAILURES_PER_IP_PER_MIN
 * deliveries this minute (wrong secret, unknown source) is refused without any work. Only failures
 * count, so a busy legitimate sender is never limited by its address, only by its source's budget.
 */
export function intakeAddressBlocked(ip: string): Promise<RateDecision> {
  return isOver(intakeIpKey(ip), env().RAILYARD_INTAKE_FAILURES_PER_IP_PER_MIN, 60_000);
}

// Both intake limits in one Redis round trip: refuse if the address already failed too often
// (counting nothing), else count one delivery for the source. Same keys and windows as
// intakeAddressBlocked and limitIntake; a script, so the source is not charged for a refused address.
const ADMIT_SCRIPT = `
if KEYS[1] ~= '' and tonumber(redis.call('GET', KEYS[1]) or '0') >= tonumber(ARGV[1]) then return -1 end
local n = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[2])
return n`;

export type IntakeAdmission = { address: RateDecision; source: RateDecision };

/**
 * The authenticated delivery's limits, checked together (what `intakeAddressBlocked` then
 * `limitIntake` decide, in one round trip). Fails open like them when Redis is away.
 */
export async function admitIntake(sourceKey: string, ip: string | null): Promise<IntakeAdmission> {
  const { window, retryAfterSeconds } = windowOf(60_000);
  const open = { allowed: true, retryAfterSeconds: 0 };
  const ipKey = ip ? `railyard:rl:${intakeIpKey(ip)}:${window}` : '';
  const sourceKeyName = `railyard:rl:intake:${sha256(sourceKey)}:${window}`;
  try {
    const n = Number(await guardedRedis((redis) => redis.eval(ADMIT_SCRIPT, 2, ipKey, sourceKeyName, env().RAILYARD_INTAKE_FAILURES_PER_IP_PER_MIN, 61_000)));
    if (n < 0) return { address: { allowed: false, retryAfterSeconds }, source: open };
    return { address: open, source: n > env().RAILYARD_INTAKE_RATE_PER_MIN ? { allowed: false, retryAfterSeconds } : open };
  } catch (err) {
    warnOpen(err);
    return { address: open, source: open };
  }
}

/** Counts one failed (unauthenticated or unknown-source) delivery from this address. */
export async function countIntakeFailure(ip: string): Promise<void> {
  await hit(intakeIpKey(ip), Number.MAX_SAFE_INTEGER, 60_000);
}
