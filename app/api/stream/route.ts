// Server-sent events relayed from the capped Redis stream through one reader per web process
// (server/live/live-hub.ts); `id:` is the stream entry id so EventSource resumes with
// Last-Event-ID after a drop. Requires read access, re-checked while the stream is open.
import { errorResponse } from '@/server/http/respond';
import { openLiveStream } from '@/server/live/sse-response';

export const dynamic = 'force-dynamic';

export async function GET(request: Request): Promise<Response> {
  try {
    return await openLiveStream(request);
  } catch (err) {
    return errorResponse(err);
  }
}
