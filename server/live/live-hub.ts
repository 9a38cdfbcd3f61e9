// One Redis reader per web process, fanned out in memory to every open live stream: a thousand
// browsers cost one XREAD BLOCK loop and one connection, not a thousand. The reader never holds
// a browser up: heartbeats come from a timer here, not from Redis, so a stalled or absent Redis
// means "no news" (and a reconnect loop), never a hung response. Each XREAD batch is encoded once
// (sse-frames.ts) and the same bytes go to every stream: one encode and one enqueue per browser per
// batch, however many messages a run's change produced.
import type { Redis } from 'ioredis';
import { env } from '../env';
import { createBoundedRedis } from '../queue/connection';
import { guardedRedis } from '../queue/redis-guard';
import { entryFrames, KEEP_ALIVE_FRAME, LiveBatch } from './sse-frames';
import { LIVE_STREAM, readLive, startingId, type LiveEntry } from './stream';

/** An open stream: takes encoded SSE chunks, in order (shared buffers: never mutate them). */
export type LiveSubscriber = { write(chunk: Uint8Array): void };
type Member = { deliver(batch: LiveBatch): void; heartbeat(): void };

const BLOCK_MS = 5_000;
/** An XREAD BLOCK that has not returned this long after its block time means Redis is stalled. */
const WATCHDOG_MS = BLOCK_MS + 2_000;
const BACKLOG_MAX = 1_000;
/** The longest a batch waits for more entries before it is fanned out (coalesceMs). */
const COALESCE_MAX_MS = 10;

/**
 * How long a batch that just arrived waits for the rest of its burst: half the time the previous
 * fan-out took, at most COALESCE_MAX_MS. A change comes as a burst (a step's end, then its run's,
 * then the event's summary, a few ms apart), and each fan-out is one write per open stream: with
 * a thousand streams one costs tens of ms, during which the rest of the burst waits anyway and
 * then costs a fan-out of its own. Waiting a little first sends the burst as one write per stream.
 * With few streams a fan-out takes well under 2 ms, so nothing waits (issue 11).
 */
export const coalesceMs = (lastFanoutMs: number) => Math.min(COALESCE_MAX_MS, Math.floor(lastFanoutMs / 2));

/** Stream ids are "<ms>-<seq>"; compared as numbers. */
export function idAfter(a: string, b: string): boolean {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am > bm || (am === bm && as > bs);
}

/**
 * What a resuming stream gets once its XRANGE answered: the backlog (one chunk), then the batches
 * that arrived live meanwhile, minus what the backlog already held — no gap, no duplicate, in
 * order. A batch wholly after the backlog is passed on as its shared chunk.
 */
export function resumeChunks(after: string, backlog: readonly LiveEntry[], buffered: readonly LiveBatch[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let lastSent = after;
  if (backlog.length > 0) {
    chunks.push(entryFrames(backlog));
    lastSent = backlog[backlog.length - 1].id;
  }
  for (const batch of buffered) {
    const chunk = afterFloor(batch, lastSent);
    if (!chunk) continue;
    chunks.push(chunk);
    lastSent = batch.lastId;
  }
  return chunks;
}

/**
 * What of `batch` a stream that already has everything up to `floor` still needs: the shared
 * chunk when the batch is wholly newer, its newer entries encoded on their own when it straddles
 * the floor, null when it holds nothing newer.
 */
export function afterFloor(batch: LiveBatch, floor: string): Uint8Array | null {
  if (!idAfter(batch.lastId, floor)) return null;
  if (idAfter(batch.entries[0].id, floor)) return batch.bytes();
  return entryFrames(batch.entries.filter((e) => idAfter(e.id, floor)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

class LiveHub {
  private subscribers = new Set<Member>();
  private redis: Redis | null = null;
  private generation = 0;
  private heartbeat: NodeJS.Timeout | null = null;
  private lastWarning = '';
  /** How long the last fan-out took (its writes, on the lean path: sse-response.ts DIRECT_SINK). */
  private lastFanoutMs = 0;

  get size() {
    return this.subscribers.size;
  }

  /** Adds a subscriber; with a Last-Event-ID it first gets what it missed (best effort). */
  async subscribe(sub: LiveSubscriber, lastEventId: string | null): Promise<() => void> {
    const resumeFrom = lastEventId && /^\d+-\d+$/.test(lastEventId) ? lastEventId : null;
    let catchingUp: LiveBatch[] | null = resumeFrom ? [] : null;
    // After a catch-up, the last id it sent: a batch the hub read before the backlog's XRANGE but
    // fans out after it (it waits for the rest of its burst, coalesceMs) holds entries the
    // backlog already sent, which must not reach the stream twice or out of order.
    let floor: string | null = null;
    const wrapped: Member = {
      deliver: (batch) => {
        if (catchingUp) return void catchingUp.push(batch);
        if (floor === null) return sub.write(batch.bytes());
        const chunk = afterFloor(batch, floor);
        if (!chunk) return;
        floor = null; // the hub reads in order: every later batch is newer still
        sub.write(chunk);
      },
      heartbeat: () => sub.write(KEEP_ALIVE_FRAME),
    };
    this.subscribers.add(wrapped);
    if (this.subscribers.size === 1) this.start();
    const unsubscribe = () => {
      this.subscribers.delete(wrapped);
      if (this.subscribers.size === 0) this.stop();
    };
    if (catchingUp && resumeFrom) {
      const backlog = await guardedRedis((r) => r.xrange(LIVE_STREAM, `(${resumeFrom}`, '+', 'COUNT', BACKLOG_MAX)).catch(() => []);
      const entries = backlog.map(([id, fields]) => ({ id, data: fields[fields.indexOf('data') + 1] ?? 'null' }));
      // Synchronous from here: no live batch can slip in between the backlog and the buffered ones.
      const chunks = resumeChunks(resumeFrom, entries, catchingUp);
      floor = [entries.at(-1)?.id, ...catchingUp.map((b) => b.lastId)].reduce<string>((a, b) => (b && idAfter(b, a) ? b : a), resumeFrom);
      catchingUp = null;
      for (const chunk of chunks) sub.write(chunk);
    }
    return unsubscribe;
  }

  private start() {
    const generation = ++this.generation;
    this.redis = createBoundedRedis('live-reader', { blocking: true });
    this.heartbeat = setInterval(() => this.each((s) => s.heartbeat()), env().RAILYARD_STREAM_HEARTBEAT_MS);
    void this.loop(generation, this.redis);
  }

  /** One stream's failure must not cost the others this batch (nor stall the reader). */
  private each(fn: (m: Member) => void) {
    for (const m of this.subscribers) {
      try {
        fn(m);
      } catch (err) {
        console.warn(`[live] a stream failed to take a message: ${(err as Error).message}`);
      }
    }
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
        const wait = entries.length > 0 ? coalesceMs(this.lastFanoutMs) : 0;
        if (wait > 0) {
          await sleep(wait);
          entries.push(...(await Promise.race([readLive(redis, entries[entries.length - 1].id, null), stalled])));
        }
        if (entries.length > 0) {
          const batch = new LiveBatch(entries);
          lastId = batch.lastId;
          const started = performance.now();
          this.each((s) => s.deliver(batch));
          this.lastFanoutMs = performance.now() - started;
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
