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

/** Authorizes (throws coded errors), takes a slot (429), then streams until the client leaves. */
export async function openLiveStream(request: Request): Promise<Response> {
  const viewer = authorize(await principalFromRequest(request), 'read');
  const release = takeStreamSlot(viewerKey(viewer));
  let finish: (reason?: string) => void = () => undefined;

  const stream = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        let closed = false;
        let unsubscribe: (() => void) | null = null;
        let unverified = 0;
        const unwatch = watchAccess(request, (allowed) => {
          if (allowed === true) unverified = 0;
          else if (allowed === false) finish('not authorized any more');
          else if (++unverified >= MAX_UNVERIFIED_CHECKS) finish('cannot verify access right now, reconnect shortly');
        });
        const send = (chunk: Uint8Array) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) return finish('client not reading');
          controller.enqueue(chunk);
        };
        finish = (reason?: string) => {
          if (closed) return;
          // Closed first: the end frame goes past the slow-reader check (it is tiny), which would
          // otherwise call finish again, and again, for a client that stopped reading.
          closed = true;
          unwatch();
          unsubscribe?.();
          release();
          try {
            if (reason) controller.enqueue(endFrame(reason));
            controller.close();
          } catch {
            // the client already went away
          }
        };
        request.signal.addEventListener('abort', () => finish());
        // Sent before Redis is touched: the response never waits on it.
        send(CONNECTED_FRAME);
        const off = await liveHub().subscribe({ write: send }, request.headers.get('last-event-id'));
        if (closed) off();
        else unsubscribe = off;
      },
      cancel: () => finish(),
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
