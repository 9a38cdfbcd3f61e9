// The live stream as server-sent events: one subscriber of the process's hub (live-hub.ts),
// `id:` lines carrying the Redis stream id so EventSource resumes with Last-Event-ID. The viewer's
// right to read is re-checked every RAILYARD_STREAM_REAUTH_MS (stream-reauth.ts, one timer per
// process): a disabled person, a revoked token or an ended session stops receiving within that
// interval (the stream closes; EventSource's reconnect then gets 401). A client that stops reading
// is dropped rather than buffered for. Chunks arrive pre-encoded and shared (sse-frames.ts).
import { authorize } from '../auth/authorize';
import { principalFromRequest, type Principal } from '../auth/principal';
import { liveHub } from './live-hub';
import { CONNECTED_FRAME, endFrame } from './sse-frames';
import { watchAccess } from './stream-reauth';
import { takeStreamSlot } from './stream-slots';

/** Queued but unread bytes beyond which a client counts as gone. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Re-checks that may fail because the database is away before the stream is closed anyway. */
const MAX_UNVERIFIED_CHECKS = 2;

const viewerKey = (p: Principal) => p.userId ?? `${p.kind}:${p.id}`;

/**
 * The socket's own writer, which the lean server (scripts/lib/lean-stream.mjs) puts on the
 * request under this symbol: a handler that takes it (`claimed`) writes each chunk with one
 * res.write, with no web stream in between (one ReadableStream read per chunk per browser was most
 * of the fan-out's cost after the socket writes). Through Next, there is none: the body is a stream.
 */
export const DIRECT_SINK = Symbol.for('railyard.live.directSink');
export type DirectSink = {
  claimed: boolean;
  write(chunk: Uint8Array): void;
  /** Bytes written but not yet taken by the socket. */
  buffered(): number;
  end(): void;
};

/** Where a stream's chunks go: a web stream's controller, or a direct sink. */
type Out = { write(chunk: Uint8Array): void; buffered(): number; close(): void };

const HEADERS = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
};

/** Authorizes (throws coded errors), takes a slot (429), then streams until the client leaves. */
export async function openLiveStream(request: Request): Promise<Response> {
  const viewer = authorize(await principalFromRequest(request), 'read');
  const release = takeStreamSlot(viewerKey(viewer));
  const direct = (request as unknown as Record<symbol, DirectSink | undefined>)[DIRECT_SINK];
  if (direct) {
    try {
      attach(request, { write: (c) => direct.write(c), buffered: () => direct.buffered(), close: () => direct.end() }, release);
    } catch (err) {
      release();
      throw err; // answered as an error, through the response body (not claimed)
    }
    direct.claimed = true;
    return new Response(null, { headers: HEADERS });
  }
  let finish: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        // desiredSize is the high-water mark minus what is queued: counted beyond the stream's own 64 KiB.
        finish = attach(request, { write: (c) => controller.enqueue(c), buffered: () => -(controller.desiredSize ?? 0), close: () => controller.close() }, release);
      },
      cancel: () => finish(),
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
  return new Response(stream, { headers: HEADERS });
}

/** Subscribes `out` to the hub and watches access; returns what ends the stream. */
function attach(request: Request, out: Out, release: () => void): () => void {
  let closed = false;
  let unsubscribe: (() => void) | null = null;
  let unverified = 0;
  const finish = (reason?: string) => {
    if (closed) return;
    // Closed first: the end frame goes past the slow-reader check (it is tiny), which would
    // otherwise call finish again, and again, for a client that stopped reading.
    closed = true;
    unwatch();
    unsubscribe?.();
    release();
    try {
      if (reason) out.write(endFrame(reason));
      out.close();
    } catch {
      // the client already went away
    }
  };
  const unwatch = watchAccess(request, (allowed) => {
    if (allowed === true) unverified = 0;
    else if (allowed === false) finish('not authorized any more');
    else if (++unverified >= MAX_UNVERIFIED_CHECKS) finish('cannot verify access right now, reconnect shortly');
  });
  const send = (chunk: Uint8Array) => {
    if (closed) return;
    if (out.buffered() > MAX_BUFFERED_BYTES) return finish('client not reading');
    out.write(chunk);
  };
  request.signal.addEventListener('abort', () => finish());
  // The client may have left while it was being authorized: an abort listener added now never fires.
  if (request.signal.aborted) {
    finish();
    return () => undefined;
  }
  // Sent before Redis is touched: the response never waits on it.
  send(CONNECTED_FRAME);
  liveHub().subscribe({ write: send }, request.headers.get('last-event-id')).then((off) => {
    if (closed) off();
    else unsubscribe = off;
  }, () => finish('live updates unavailable, reconnect shortly'));
  return () => finish();
}
