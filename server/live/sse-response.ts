// The live stream as server-sent events: one subscriber of the process's hub (live-hub.ts),
// `id:` lines carrying the Redis stream id so EventSource resumes with Last-Event-ID. The viewer's
// right to read is re-checked every RAILYARD_STREAM_REAUTH_MS: a disabled person, a revoked token
// or an ended session stops receiving within that interval (the stream closes; EventSource's
// reconnect then gets 401). A client that stops reading is dropped rather than buffered for.
import { authorize } from '../auth/authorize';
import { principalFromRequest, type Principal } from '../auth/principal';
import { isDatabaseUnavailable } from '../db/unavailable';
import { env } from '../env';
import { AppError } from '../errors';
import { liveHub } from './live-hub';
import { takeStreamSlot } from './stream-slots';

/** Queued but unread bytes beyond which a client counts as gone. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
/** Re-checks that may fail because the database is away before the stream is closed anyway. */
const MAX_UNVERIFIED_CHECKS = 2;

const viewerKey = (p: Principal) => p.userId ?? `${p.kind}:${p.id}`;

/** Still allowed to read? true / false, or 'unknown' when the database cannot say right now. */
async function stillAllowed(request: Request): Promise<boolean | 'unknown'> {
  try {
    authorize(await principalFromRequest(request), 'read');
    return true;
  } catch (err) {
    if (err instanceof AppError) return false;
    if (isDatabaseUnavailable(err)) return 'unknown';
    throw err;
  }
}

/** Authorizes (throws coded errors), takes a slot (429), then streams until the client leaves. */
export async function openLiveStream(request: Request): Promise<Response> {
  const viewer = authorize(await principalFromRequest(request), 'read');
  const release = takeStreamSlot(viewerKey(viewer));
  const encoder = new TextEncoder();
  let finish: (reason?: string) => void = () => undefined;

  const stream = new ReadableStream<Uint8Array>(
    {
      async start(controller) {
        let closed = false;
        let unsubscribe: (() => void) | null = null;
        let unverified = 0;
        const send = (text: string) => {
          if (closed) return;
          if ((controller.desiredSize ?? 0) < -MAX_BUFFERED_BYTES) return finish('client not reading');
          controller.enqueue(encoder.encode(text));
        };
        finish = (reason?: string) => {
          if (closed) return;
          if (reason) send(`event: end\ndata: ${JSON.stringify({ reason })}\n\n`);
          closed = true;
          clearInterval(recheck);
          unsubscribe?.();
          release();
          try {
            controller.close();
          } catch {
            // the client already went away
          }
        };
        const recheck = setInterval(async () => {
          const allowed = await stillAllowed(request).catch(() => 'unknown' as const);
          if (allowed === true) unverified = 0;
          else if (allowed === false) finish('not authorized any more');
          else if (++unverified >= MAX_UNVERIFIED_CHECKS) finish('cannot verify access right now, reconnect shortly');
        }, env().RAILYARD_STREAM_REAUTH_MS);
        request.signal.addEventListener('abort', () => finish());
        // Sent before Redis is touched: the response never waits on it.
        send(`retry: 2000\n: connected\n\n`);
        const off = await liveHub().subscribe(
          {
            deliver: (entry) => send(`id: ${entry.id}\ndata: ${entry.data}\n\n`),
            heartbeat: () => send(': keep-alive\n\n'),
          },
          request.headers.get('last-event-id'),
        );
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
