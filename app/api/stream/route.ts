// Server-sent events relayed from the capped Redis stream. Each browser gets its own blocking
// reader; `id:` is the stream entry id so EventSource resumes with Last-Event-ID after a drop.
import { authorize } from '@/server/auth/authorize';
import { principalFromRequest } from '@/server/auth/principal';
import { errorResponse } from '@/server/http/respond';
import { createRedis } from '@/server/queue/connection';
import { readLive, startingId } from '@/server/live/stream';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 15_000;

export async function GET(request: Request): Promise<Response> {
  // The stream carries everything a viewer may read: same rule as the read endpoints.
  try {
    authorize(await principalFromRequest(request), 'read');
  } catch (err) {
    return errorResponse(err);
  }
  const redis = createRedis('sse');
  const encoder = new TextEncoder();
  let closed = false;
  const close = () => {
    closed = true;
    redis.disconnect();
  };
  request.signal.addEventListener('abort', close);

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      try {
        let lastId = await startingId(redis, request.headers.get('last-event-id'));
        send(`retry: 2000\n: connected\n\n`);
        while (!closed) {
          const entries = await readLive(redis, lastId, HEARTBEAT_MS);
          if (entries.length === 0) send(': keep-alive\n\n');
          for (const entry of entries) {
            send(`id: ${entry.id}\ndata: ${entry.data}\n\n`);
            lastId = entry.id;
          }
        }
      } catch (err) {
        if (!closed) console.warn(`[sse] stream ended: ${(err as Error).message}`);
      } finally {
        close();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      }
    },
    cancel: close,
  });

  return new Response(stream, {
    headers: {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    },
  });
}
