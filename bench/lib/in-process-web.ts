// Fallback when `next build` fails (e.g. the UI is mid-change): serve the generic intake route
// handler from this process over plain node:http, so the load generator and every measurement stay
// the same. Numbers from this mode leave out Next's own request handling; the JSON says which
// mode ran. Only POST /api/events/{source}/{type} and GET /api/stream are served.
import http from 'node:http';

export async function startInProcessIntake(port: number) {
  const { POST } = await import('../../app/api/events/[id]/[type]/route');
  const { GET: stream } = await import('../../app/api/stream/route');
  const server = http.createServer(async (req, res) => {
    if (req.method === 'GET' && req.url?.startsWith('/api/stream')) {
      const abort = new AbortController();
      res.on('close', () => abort.abort());
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const response = await stream(new Request(`http://localhost:${port}${req.url}`, { headers, signal: abort.signal }));
      res.writeHead(response.status, Object.fromEntries(response.headers));
      if (!response.body) return void res.end();
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) return void res.end();
        res.write(value);
      }
    }
    const match = req.method === 'POST' ? /^\/api\/events\/([^/?]+)\/([^/?]+)/.exec(req.url ?? '') : null;
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(`http://localhost:${port}${req.url}`, { method: 'POST', headers, body: Buffer.concat(chunks) });
    const response = await POST(request, { params: Promise.resolve({ id: decodeURIComponent(match[1]), type: decodeURIComponent(match[2]) }) });
    res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())).then(() => server.closeAllConnections()) };
}
