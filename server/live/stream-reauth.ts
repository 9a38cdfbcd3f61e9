// The open live streams' right to read, re-checked on ONE timer per process every
// RAILYARD_STREAM_REAUTH_MS (not one timer per browser). Streams that present the same credential
// (same Authorization and Cookie headers: all principalFromRequest reads) share one check per
// tick, so a thousand tabs of one person cost one database look-up, not a thousand. Every stream
// is still judged at least once per interval: a disabled person, a revoked token or an ended
// session stops receiving within it.
import { authorize } from '../auth/authorize';
import { principalFromRequest } from '../auth/principal';
import { isDatabaseUnavailable } from '../db/unavailable';
import { env } from '../env';
import { AppError } from '../errors';

/** true / false, or 'unknown' when the database cannot say right now. */
export type Verdict = boolean | 'unknown';
type Watched = { request: Request; verdict: (allowed: Verdict) => void };

async function stillAllowed(request: Request): Promise<Verdict> {
  try {
    authorize(await principalFromRequest(request), 'read');
    return true;
  } catch (err) {
    if (err instanceof AppError) return false;
    if (isDatabaseUnavailable(err)) return 'unknown';
    throw err;
  }
}

const credentialKey = (r: Request) => `${r.headers.get('authorization') ?? ''}\n${r.headers.get('cookie') ?? ''}`;

const holder = globalThis as unknown as { railyardStreamReauth?: { streams: Set<Watched>; timer: NodeJS.Timeout | null } };
const state = () => (holder.railyardStreamReauth ??= { streams: new Set(), timer: null });

function tick(streams: Set<Watched>) {
  const groups = new Map<string, Watched[]>();
  for (const w of streams) {
    const key = credentialKey(w.request);
    const group = groups.get(key);
    if (group) group.push(w);
    else groups.set(key, [w]);
  }
  for (const group of groups.values()) {
    void stillAllowed(group[0].request)
      .catch((): Verdict => 'unknown')
      // A stream that ended while the check ran is left alone.
      .then((allowed) => group.forEach((w) => streams.has(w) && w.verdict(allowed)));
  }
}

/** Starts re-checking `request`'s access; `verdict` hears each result. Returns the stop (idempotent). */
export function watchAccess(request: Request, verdict: (allowed: Verdict) => void): () => void {
  const s = state();
  const watched: Watched = { request, verdict };
  s.streams.add(watched);
  s.timer ??= setInterval(() => tick(s.streams), env().RAILYARD_STREAM_REAUTH_MS);
  return () => {
    s.streams.delete(watched);
    if (s.streams.size === 0 && s.timer) {
      clearInterval(s.timer);
      s.timer = null;
    }
  };
}
