// A small local HTTP server standing in for a third-party API (DESIGN.md: tests point actions at
// local servers that record what they received). Each path answers with a scripted status.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Received = { method: string; path: string; headers: IncomingMessage['headers']; body: unknown; at: number };

export type Recorder = {
  url: string;
  received: Received[];
  /** Requests to `path`, in arrival order. */
  to(path: string): Received[];
  /** Make `path` answer `status` (default 200, echoing the request as JSON). */
  answer(path: string, status: number): void;
  /** Make `path` hold its answer for `ms` (a slow third party; lets a test kill the caller mid-request). */
  delay(path: string, ms: number): void;
  close(): Promise<void>;
};

export async function startRecorder(): Promise<Recorder> {
  const received: Received[] = [];
  const statuses = new Map<string, number>();
  const delays = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: keep the text
      }
      const path = (req.url ?? '/').split('?')[0];
      const entry = { method: req.method ?? 'GET', path, headers: req.headers, body, at: received.length };
      received.push(entry);
      const status = statuses.get(path) ?? 200;
      const reply = () => {
        if (res.destroyed) return; // the caller died while we held the answer
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status < 300 ? { ok: true, echo: body } : { error: `scripted ${status}` }));
      };
      const ms = delays.get(path);
      if (ms) setTimeout(reply, ms).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    to: (path) => received.filter((r) => r.path === path),
    answer: (path, status) => void statuses.set(path, status),
    delay: (path, ms) => void delays.set(path, ms),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // a held (delayed) answer must not keep close() waiting
      }),
  };
}
