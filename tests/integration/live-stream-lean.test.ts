// The live stream as npm start serves it: scripts/lib/lean-stream.mjs in front of the real route
// handler, on a real HTTP server and real sockets. There the handler writes each chunk straight to
// the socket (DIRECT_SINK in server/live/sse-response.ts), not through a web stream, so what the
// Next-path tests (live-stream*.test.ts) prove about order, slow clients and leaving is proved
// again here for the direct writer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as streamGet } from '@/app/api/stream/route';
import { liveHub } from '@/server/live/live-hub';
import { publishLive } from '@/server/live/stream';
import { serveLive } from '@/scripts/lib/lean-stream.mjs';
import { admin, closeAll, resetState, waitFor } from '../support/harness';

let server: http.Server;
let port = 0;

beforeAll(async () => {
  await resetState();
  server = http.createServer((req, res) => void serveLive(streamGet, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await closeAll();
});

type Reader = { res: http.IncomingMessage; text: () => string; ended: Promise<void>; close: () => void };

function openStream(headers: Record<string, string>, opts: { paused?: boolean } = {}): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/api/stream', headers }, (res) => {
      let text = '';
      const ended = new Promise<void>((done) => res.on('end', done).on('close', done));
      res.setEncoding('utf8');
      if (opts.paused) res.pause();
      else res.on('data', (chunk: string) => (text += chunk));
      resolve({ res, text: () => text, ended, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

/** A stream starts at the tail once the hub's reader has its position: publish until one arrives. */
async function untilLive(r: Reader) {
  let n = 0;
  await waitFor(async () => {
    await publishLive(message(`probe-${++n}`));
    await new Promise((ok) => setTimeout(ok, 50));
    return r.text().includes('probe-');
  }, 10_000, 'the stream to receive live messages');
}

const message = (id: string) => ({ kind: 'event', event: { id, source: 'generic', type: 'x', deliveryId: null, receivedAt: new Date().toISOString(), registered: false, runs: [] } }) as never;

describe('live stream through the lean server', () => {
  it('answers with SSE headers, the connected frame, then each message once, in order, with its stream id', async () => {
    const r = await openStream(admin);
    try {
      expect(r.res.statusCode).toBe(200);
      expect(r.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
      expect(r.res.headers['cache-control']).toBe('no-cache, no-transform');
      await waitFor(async () => r.text().includes(': connected'), 5_000, 'the connected frame');
      await untilLive(r);
      for (let i = 0; i < 5; i++) await publishLive(message(`lean-${i}`));
      await waitFor(async () => r.text().includes('lean-4'), 10_000, 'the fifth message');
      const ids = [...r.text().matchAll(/"id":"(lean-\d)"/g)].map((m) => m[1]);
      expect(ids).toEqual(['lean-0', 'lean-1', 'lean-2', 'lean-3', 'lean-4']);
      // Every message carries its stream id.
      expect(r.text().match(/^id: \d+-\d+$/gm)?.length).toBe(r.text().match(/^data: /gm)?.length);
      expect(r.text().indexOf(': connected')).toBeLessThan(r.text().indexOf('lean-0'));
    } finally {
      r.close();
    }
  });

  it('refuses a stranger with 401 and a JSON error, through the same path', async () => {
    const r = await openStream({});
    await r.ended;
    expect(r.res.statusCode).toBe(401);
    expect(JSON.parse(r.text()).error).toBeTruthy();
  });

  it('a client that leaves is unsubscribed at once', async () => {
    const before = liveHub().size;
    const r = await openStream(admin);
    await waitFor(async () => liveHub().size === before + 1, 5_000, 'the stream to join the hub');
    r.close();
    await waitFor(async () => liveHub().size === before, 5_000, 'the stream to leave the hub');
  });

  it('a client that left while it was being authorized holds no slot and no subscription', async () => {
    const before = liveHub().size;
    // More than the per-person cap (RAILYARD_STREAMS_PER_PERSON, 10): each must give its slot back.
    for (let i = 0; i < 12; i++) {
      const gone = new AbortController();
      gone.abort();
      const res = await streamGet(new Request('http://localhost/api/stream', { headers: admin, signal: gone.signal }));
      // Nobody reads or cancels the body (as on the lean path, where the socket is already gone).
      expect(res.status).toBe(200);
    }
    expect(liveHub().size).toBe(before);
    const r = await openStream(admin);
    try {
      expect(r.res.statusCode).toBe(200);
    } finally {
      r.close();
    }
  });

  it('drops a client that stops reading once the socket owes it 1 MiB, while a reading one gets everything', async () => {
    const stalled = await openStream(admin, { paused: true });
    const reading = await openStream(admin);
    try {
      await untilLive(reading);
      const size = liveHub().size;
      // Far more than the kernel's socket buffers hold for a reader that takes nothing (20 MB), in
      // rounds of 500 kB that the reading client takes before the next: it never owes 1 MiB.
      const big = (n: number) => message(`big-${n}-${'x'.repeat(50_000)}`);
      for (let i = 0; i < 400; i += 10) {
        await publishLive(...Array.from({ length: 10 }, (_, k) => big(i + k)));
        await waitFor(async () => reading.text().includes(`big-${i + 9}-`), 10_000, `the reading stream to get round ${i / 10}`);
      }
      await publishLive(message('after-the-flood'));
      await waitFor(async () => reading.text().includes('after-the-flood'), 10_000, 'the reading stream to get everything');
      // The stalled one left the hub (its slot and subscription given back) without being read.
      await waitFor(async () => liveHub().size === size - 1, 10_000, 'the stalled stream to be dropped');
      expect(reading.text()).not.toContain('event: end');
      // Reading now, it finds the end frame with the reason, and the response ends.
      let text = '';
      stalled.res.on('data', (c: string) => (text += c));
      stalled.res.resume();
      await stalled.ended;
      expect(text).toContain('client not reading');
      expect(text).not.toContain('after-the-flood');
    } finally {
      stalled.close();
      reading.close();
    }
  }, 60_000);
});
