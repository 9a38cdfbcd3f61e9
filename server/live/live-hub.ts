// One Redis reader per web process, fanned out in memory to every open live stream: a thousand
// browsers cost one XREAD BLOCK loop and one connection, not a thousand. The reader never holds
// a browser up: heartbeats come from a timer here, not from Redis, so a stalled or absent Redis
// means "no news" (and a reconnect loop), never a hung response.
import type { Redis } from 'ioredis';
import { env } from '../env';
import { createBoundedRedis } from '../queue/connection';
import { guardedRedis } from '../queue/redis-guard';
import { LIVE_STREAM, readLive, startingId, type LiveEntry } from './stream';

export type LiveSubscriber = { deliver(entry: LiveEntry): void; heartbeat(): void };

const BLOCK_MS = 5_000;
/** An XREAD BLOCK that has not returned this long after its block time means Redis is stalled. */
const WATCHDOG_MS = BLOCK_MS + 2_000;
const BACKLOG_MAX = 1_000;

/** Stream ids are "<ms>-<seq>"; compared as numbers. */
export function idAfter(a: string, b: string): boolean {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am > bm || (am === bm && as > bs);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class LiveHub {
  private subscribers = new Set<LiveSubscriber>();
  private redis: Redis | null = null;
  private generation = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  private lastWarning = '';

  get size() {
    return this.subscribers.size;
  }

  /** Adds a subscriber; with a Last-Event-ID it first gets what it missed (best effort). */
  async subscribe(sub: LiveSubscriber, lastEventId: string | null): Promise<() => void> {
    let catchingUp: LiveEntry[] | null = lastEventId && /^\d+-\d+$/.test(lastEventId) ? [] : null;
    const wrapped: LiveSubscriber = {
      deliver: (e) => (catchingUp ? catchingUp.push(e) : sub.deliver(e)),
      heartbeat: () => sub.heartbeat(),
    };
    this.subscribers.add(wrapped);
    if (this.subscribers.size === 1) this.start();
    const unsubscribe = () => {
      this.subscribers.delete(wrapped);
      if (this.subscribers.size === 0) this.stop();
    };
    if (catchingUp && lastEventId) {
      let lastSent = lastEventId;
      const backlog = await guardedRedis((r) => r.xrange(LIVE_STREAM, `(${lastEventId}`, '+', 'COUNT', BACKLOG_MAX)).catch(() => []);
      for (const [id, fields] of backlog) {
        sub.deliver({ id, data: fields[fields.indexOf('data') + 1] ?? 'null' });
        lastSent = id;
      }
      const buffered: LiveEntry[] = catchingUp;
      catchingUp = null;
      for (const e of buffered) if (idAfter(e.id, lastSent)) sub.deliver(e);
    }
    return unsubscribe;
  }

  private start() {
    const generation = ++this.generation;
    this.redis = createBoundedRedis('live-reader', { blocking: true });
    this.heartbeat = setInterval(() => this.subscribers.forEach((s) => s.heartbeat()), env().RAILYARD_STREAM_HEARTBEAT_MS);
    void this.loop(generation, this.redis);
  }

  private stop() {
    this.generation++;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    this.redis?.disconnect(); // also ends a pending XREAD BLOCK
    this.redis = null;
  }

  private async loop(generation: number, redis: Redis) {
    let lastId: string | null = null;
    while (generation === this.generation) {
      let watchdog: NodeJS.Timeout | undefined;
      try {
        const stalled = new Promise<never>((_, reject) => {
          watchdog = setTimeout(() => reject(new Error(`no answer within ${WATCHDOG_MS} ms`)), WATCHDOG_MS);
        });
        lastId ??= await Promise.race([startingId(redis, null), stalled]);
        const entries: LiveEntry[] = await Promise.race([readLive(redis, lastId, BLOCK_MS), stalled]);
        for (const entry of entries) {
          lastId = entry.id;
          this.subscribers.forEach((s) => s.deliver(entry));
        }
        this.lastWarning = '';
      } catch (err) {
        if (generation !== this.generation) break;
        const message = (err as Error).message;
        if (message !== this.lastWarning) console.warn(`[live] reader: ${message}; streams stay open, retrying`);
        this.lastWarning = message;
        // A stalled Redis leaves the XREAD pending forever: drop the socket and reconnect.
        if (message.startsWith('no answer')) redis.disconnect(true);
        await sleep(1_000);
      } finally {
        clearTimeout(watchdog);
      }
    }
  }
}

const holder = globalThis as unknown as { railyardLiveHub?: LiveHub };

/** The process's hub (kept on globalThis: Next's dev server re-evaluates modules). */
export const liveHub = (): LiveHub => (holder.railyardLiveHub ??= new LiveHub());
