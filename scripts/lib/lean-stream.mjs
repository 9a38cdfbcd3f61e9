// GET /api/stream served without Next's response pipe (issue 11), like the intake beside it
// (lean-intake.mjs): the same compiled route handler, loaded through Next's own runtime (so the
// live hub, the stream caps and the re-check timer are the ones every other route sees), its
// Response body copied to the socket with a plain read loop. With 1,000 open streams Next's pipe
// (a WritableStream per response, several promises per chunk) cost more than the fan-out itself.
// The handler takes the socket's writer from the request (DIRECT_SINK in server/live/sse-response.ts)
// and writes each chunk with one res.write: no web stream between the hub and the socket, whose
// per-chunk read was most of the fan-out's cost after the writes themselves. A client that stops
// reading is dropped by the handler once the socket holds 1 MiB it has not taken. A body, when the
// handler answered with one instead (an error), is copied with a read loop that keeps backpressure.
// /api/* is outside proxy.ts; Next's configured headers are added as Next would.
import { createRequire } from 'node:module';
import path from 'node:path';
import { configuredHeaders, hasMatches } from './lean-intake.mjs';

const MODULE = 'app/api/stream/route.js';
const DIRECT_SINK = Symbol.for('railyard.live.directSink');

/**
 * The socket's writer for the handler. Chunks it writes before the head went out (the handler
 * sends its first frame before it returns the Response whose headers we copy) wait for open().
 */
function directSink(res) {
  let early = [];
  let ended = false;
  return {
    claimed: false,
    write(chunk) {
      if (early) early.push(chunk);
      else if (!res.destroyed) res.write(chunk);
    },
    buffered: () => res.writableLength + (early ? early.reduce((n, c) => n + c.byteLength, 0) : 0),
    end() {
      ended = true;
      if (!early) res.end();
    },
    open() {
      const chunks = early;
      early = null;
      if (res.destroyed) return; // the client left while the handler ran: its abort ended the stream
      for (const c of chunks) res.write(c);
      if (ended) res.end();
    },
  };
}

/** Returns `handle(req, res)` (true when it answered), or null when the build has no such route. */
export async function leanStream(dir) {
  let GET;
  let headerRules;
  try {
    headerRules = configuredHeaders(dir);
    const mod = createRequire(path.join(dir, 'package.json'))(path.join(dir, '.next', 'server', MODULE));
    await mod.routeModule.ensureUserland();
    GET = mod.routeModule.userland.GET;
    if (typeof GET !== 'function') return null;
  } catch (err) {
    console.warn(`[web] live stream served through Next (lean path unavailable: ${err.message})`);
    return null;
  }
  return function handle(req, res) {
    const pathname = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' || (pathname !== '/api/stream' && pathname !== '/api/stream/')) return false;
    void serveLive(GET, req, res, headerRules);
    return true;
  };
}

/** Resolves when the socket can take more (true) or is gone (false). */
const drained = (res) =>
  new Promise((resolve) => {
    const done = (ok) => () => {
      res.off('drain', onDrain).off('close', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    res.on('drain', onDrain).on('close', onClose);
  });

/** Answers one GET /api/stream with the route handler `GET` (exported for the lean-path test). */
export async function serveLive(GET, req, res, headerRules = []) {
  let reader = null;
  try {
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) headers.set(k, Array.isArray(v) ? v.join(', ') : v ?? '');
    const abort = new AbortController();
    res.on('close', () => {
      abort.abort(); // the handler's request.signal: the stream gives its slot back
      reader?.cancel().catch(() => undefined);
    });
    const request = new Request(`http://${req.headers.host ?? 'localhost'}${req.url}`, { headers, signal: abort.signal });
    const sink = directSink(res);
    request[DIRECT_SINK] = sink;
    const response = await GET(request, { params: Promise.resolve({}) });
    const out = {};
    for (const rule of headerRules) if (rule.regex.test(req.url.split('?')[0]) && hasMatches(req, rule.has)) for (const h of rule.headers) out[h.key.toLowerCase()] = h.value;
    response.headers.forEach((value, key) => (out[key] = value));
    res.writeHead(response.status, out);
    // The handler writes through the sink until it ends the stream or the client leaves.
    if (sink.claimed) return void sink.open();
    if (!response.body) return void res.end();
    reader = response.body.getReader();
    if (res.destroyed) return void reader.cancel().catch(() => undefined);
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (!res.write(value) && !(await drained(res))) return;
    }
    res.end();
  } catch (err) {
    if (!res.headersSent) {
      console.error('[web] live stream request failed', err);
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'internal error' }));
    } else res.destroy();
  }
}
