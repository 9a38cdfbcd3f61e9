// Server-sent event frames, encoded once. A batch of Redis stream entries becomes one chunk of
// bytes that every open stream of the process enqueues as is (the same Uint8Array: nothing
// downstream mutates it), so a message costs one encode per process, not one per browser.
import type { LiveEntry } from './stream';

const encoder = new TextEncoder();

/** `id:` carries the stream id (EventSource's Last-Event-ID); data is one JSON line. */
export const entryFrames = (entries: readonly LiveEntry[]): Uint8Array =>
  encoder.encode(entries.map((e) => `id: ${e.id}\ndata: ${e.data}\n\n`).join(''));

export const CONNECTED_FRAME = encoder.encode(`retry: 2000\n: connected\n\n`);
export const KEEP_ALIVE_FRAME = encoder.encode(': keep-alive\n\n');
export const endFrame = (reason: string) => encoder.encode(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);

/** One XREAD batch; `bytes()` encodes on first use and hands every caller the same chunk. */
export class LiveBatch {
  private encoded: Uint8Array | null = null;
  constructor(readonly entries: readonly LiveEntry[]) {}
  get lastId(): string {
    return this.entries[this.entries.length - 1].id;
  }
  bytes(): Uint8Array {
    return (this.encoded ??= entryFrames(this.entries));
  }
}
