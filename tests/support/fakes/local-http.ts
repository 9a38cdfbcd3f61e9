// The base of the fake third-party servers: a real node:http server on 127.0.0.1 (port 0) that
// records every request (with its decoded body) and lets a route function answer it.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Seen = {
  method: string;
  /** Path without the query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The raw body text; `json`/`form` hold it decoded when the content type says so. */
  text: string;
  json: unknown;
  form: URLSearchParams | null;
};

export type Route = (req: Seen, res: ServerResponse) => void | Promise<void>;

export type LocalServer = {
  url: string;
  seen: Seen[];
  /** Requests to `path` (and `method`, when given), in arrival order. */
  to(path: string, method?: string): Seen[];
  close(): Promise<void>;
};

export function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string | string[]> = {}): void {
  const isText = typeof body === 'string' || body === undefined;
  res.writeHead(status, { 'content-type': isText ? 'text/plain' : 'application/json', ...headers });
  res.end(body === undefined ? '' : isText ? body : JSON.stringify(body));
}

export async function startLocalServer(route: Route): Promise<LocalServer> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const type = req.headers['content-type'] ?? '';
      const url = new URL(req.url ?? '/', 'http://local');
      let json: unknown = null;
      if (type.includes('json') && text) {
        try {
          json = JSON.parse(text);
        } catch {
          // leave null: the test sees `text`
        }
      }
      const form = type.includes('x-www-form-urlencoded') ? new URLSearchParams(text) : null;
      const entry: Seen = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, text, json, form };
      seen.push(entry);
      Promise.resolve(route(entry, res)).catch((err: Error) => reply(res, 500, `fake server error: ${err.message}`));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    to: (path, method) => seen.filter((s) => s.path === path && (!method || s.method === method)),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections(); // keep-alive sockets would hold close() open
        server.close(() => resolve());
      }),
  };
}

/** Decodes a Basic Authorization header into `user:password`, or null. */
export const basicCredentials = (headers: IncomingHttpHeaders): string | null => {
  const match = /^Basic (.+)$/.exec(headers.authorization ?? '');
  return match ? Buffer.from(match[1], 'base64').toString('utf8') : null;
};
