// Every outgoing HTTP call is bounded: the body is counted while it streams in and the connection
// is dropped at the cap (a 50 MB answer is never read, let alone held), and a server that answers
// too slowly times out. Real local servers, real sockets.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { send } from './http-client';
import { isPermanent } from './types';

const CAP = 1024 * 1024;
const TOTAL = 50 * 1024 * 1024;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

let server: Server;
let base: string;
let stats: { written: number; closedEarly: boolean; done: Promise<void> };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 5_000).unref();
    if (req.url === '/declared') {
      res.writeHead(200, { 'content-length': String(TOTAL) });
      return void res.write(CHUNK);
    }
    // /huge: 50 MB in chunks, respecting back-pressure, so `written` is what the socket took.
    let resolveDone!: () => void;
    stats = { written: 0, closedEarly: false, done: new Promise((r) => (resolveDone = r)) };
    res.writeHead(200, { 'content-type': 'application/octet-stream' }); // chunked: no length to judge by
    res.on('close', () => {
      stats.closedEarly = stats.written < TOTAL;
      resolveDone();
    });
    const pump = () => {
      while (stats.written < TOTAL) {
        stats.written += CHUNK.length;
        if (!res.write(CHUNK)) return void res.once('drain', pump);
      }
      res.end();
    };
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.RAILYARD_HTTP_ALLOW_HOSTS = '127.0.0.1';
  process.env.RAILYARD_HTTP_MAX_BODY_BYTES = String(CAP);
});
afterEach(() => {
  delete process.env.RAILYARD_HTTP_TIMEOUT_MS;
});
afterAll(async () => {
  delete process.env.RAILYARD_HTTP_MAX_BODY_BYTES;
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a failure'); }, (err: Error) => err);

describe('outgoing HTTP limits', () => {
  it('refuses a 50 MB body once the cap is passed, closing the connection instead of reading on', async () => {
    const heapBefore = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    const err = await failure(send({ url: `${base}/huge` }));
    const heapAfter = process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
    expect(err.message).toMatch(/response body exceeds the limit of 1048576 bytes .*RAILYARD_HTTP_MAX_BODY_BYTES/);
    expect(isPermanent(err)).toBe(true); // the same answer next time: no retry
    await stats.done;
    expect(stats.closedEarly).toBe(true);
    // What the server managed to write is the cap plus what the kernel's socket buffers absorbed,
    // a small fraction of the 50 MB; the client kept at most cap + one chunk.
    expect(stats.written).toBeLessThan(TOTAL / 2);
    expect(heapAfter - heapBefore).toBeLessThan(TOTAL / 5);
  });

  it('refuses a body whose declared length passes the cap without reading it', async () => {
    const err = await failure(send({ url: `${base}/declared` }));
    expect(err.message).toMatch(/exceeds the limit of 1048576 bytes \(52428800 bytes declared/);
  });

  it('times out a server that answers too slowly (the call\'s timeout, else RAILYARD_HTTP_TIMEOUT_MS)', async () => {
    const started = Date.now();
    const err = await failure(send({ url: `${base}/slow`, timeoutMs: 300 }));
    expect(err.message).toBe(`GET ${base}/slow timed out after 300 ms`);
    expect(isPermanent(err)).toBe(false);
    process.env.RAILYARD_HTTP_TIMEOUT_MS = '250';
    expect((await failure(send({ url: `${base}/slow` }))).message).toMatch(/timed out after 250 ms/);
    expect(Date.now() - started).toBeLessThan(4_000); // well before the server's 5 s
  });
});
