// The live stream at scale and over time (issue 7): every browser shares one Redis reader per web
// process, streams are capped per person and in total (429 naming the cap), and a viewer who loses
// access (disabled person, revoked token) stops receiving within the re-check interval.
// The interval and caps are set short/small for this file, before anything reads env().
process.env.RAILYARD_STREAM_REAUTH_MS = '300';
process.env.RAILYARD_STREAMS_PER_PERSON = '100';
process.env.RAILYARD_STREAMS_TOTAL = '101';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELETE as tokenDelete } from '@/app/api/tokens/[id]/route';
import { PATCH as userPatch } from '@/app/api/users/[id]/route';
import { GET as streamGet } from '@/app/api/stream/route';
import { db } from '@/server/db/client';
import { publishLive } from '@/server/live/stream';
import { sharedRedis } from '@/server/queue/connection';
import { admin, closeAll, resetState, waitFor } from '../support/harness';
import { callRoute } from '../support/http';
import { createPerson, sessionHeaders, type Person } from '../support/people';

beforeAll(resetState);
afterAll(() => closeAll());

type Client = { status: number; text: () => string; ended: Promise<void>; close: () => Promise<void>; body: any };

/** Opens GET /api/stream and keeps reading in the background; `text()` is everything received. */
async function open(headers: Record<string, string>): Promise<Client> {
  const abort = new AbortController();
  const res = await streamGet(new Request('http://localhost/api/stream', { headers, signal: abort.signal }));
  if (res.status !== 200) return { status: res.status, text: () => '', ended: Promise.resolve(), close: async () => {}, body: await res.json() };
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  const ended = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      received += decoder.decode(value, { stream: true });
    }
  })();
  await waitFor(async () => received.includes(': connected'), 5_000, 'the connected frame');
  return {
    status: 200,
    text: () => received,
    ended,
    body: null,
    close: async () => {
      abort.abort();
      await reader.cancel().catch(() => undefined);
      await ended;
    },
  };
}

/** Client connections on our Redis server, by name (CLIENT LIST is server-wide). */
async function redisClients(): Promise<string[]> {
  const lines = String(await sharedRedis().client('LIST')).split('\n').filter(Boolean);
  return lines.map((l) => l.match(/ name=(\S*)/)?.[1] ?? '');
}

const message = (n: number) => ({ kind: 'event', event: { id: `fanout-${n}`, source: 'generic', type: 'x', deliveryId: null, receivedAt: new Date().toISOString(), registered: false, runs: [] } }) as const;

describe('live stream fan-out, caps and re-authorization', () => {
  it('100 streams share one Redis reader, all receive each message, and per-person and total caps answer 429', async () => {
    await sharedRedis().ping();
    const before = await redisClients();
    const clients: Client[] = [];
    try {
      for (let i = 0; i < 100; i++) clients.push(await open(admin));
      const after = await redisClients();
      // One more connection for the whole process (the hub's reader), not one per browser.
      expect(after.length - before.length).toBe(1);
      expect(after.filter((n) => n === 'railyard-live-reader')).toHaveLength(1);

      await publishLive(message(1) as never);
      await waitFor(async () => clients.every((c) => c.text().includes('fanout-1')), 10_000, 'all 100 streams to get the message');

      const overPerson = await open(admin);
      expect(overPerson.status).toBe(429);
      expect(overPerson.body.error).toMatch(/at most 100 per person/);

      const other = await createPerson('viewer', 'fanout-viewer');
      const last = await open(other.headers);
      expect(last.status).toBe(200);
      clients.push(last);
      const overTotal = await open(other.headers);
      expect(overTotal.status).toBe(429);
      expect(overTotal.body.error).toMatch(/at most 101 in total/);
    } finally {
      await Promise.all(clients.map((c) => c.close()));
    }
    // Closed streams give their slots back, and the reader goes once nobody listens.
    await waitFor(async () => !(await redisClients()).includes('railyard-live-reader'), 5_000, 'the reader to close');
    const again = await open(admin);
    expect(again.status).toBe(200);
    await again.close();
  });

  it('a person disabled while watching stops receiving within the re-check interval (session cookie)', async () => {
    const person: Person = await createPerson('viewer', 'soon-disabled');
    const client = await open(await sessionHeaders(person));
    expect(client.status).toBe(200);
    const res = await callRoute(userPatch, `/api/users/${person.id}`, { id: person.id }, { method: 'PATCH', headers: admin, body: { disabled: true } });
    expect(res.status).toBe(200);
    const started = Date.now();
    await client.ended; // the server closed the stream
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(client.text()).toContain('event: end');
    await publishLive(message(2) as never);
    expect(client.text()).not.toContain('fanout-2');
    // Reconnecting is refused.
    expect((await open(await sessionHeaders(person).catch(() => ({})))).status).toBeGreaterThanOrEqual(400);
  });

  it('a revoked token stops receiving within the re-check interval', async () => {
    const person = await createPerson('viewer', 'token-revoked');
    const client = await open(person.headers);
    expect(client.status).toBe(200);
    const token = await db().apiToken.findFirstOrThrow({ where: { userId: person.id } });
    const res = await callRoute(tokenDelete, `/api/tokens/${token.id}`, { id: token.id }, { method: 'DELETE', headers: admin });
    expect(res.status).toBe(204);
    const started = Date.now();
    await client.ended;
    expect(Date.now() - started).toBeLessThan(3_000);
    expect((await open(person.headers)).status).toBe(401);
  });

  it('a stream whose client stops reading is dropped (its slot freed) while a reading one gets every message', async () => {
    const res = await streamGet(new Request('http://localhost/api/stream', { headers: admin }));
    const stalled = res.body!.getReader(); // never read until the end
    const reading = await open(admin);
    const big = (n: number) => ({ ...message(n), event: { ...message(n).event, id: `big-${n}-${'x'.repeat(50_000)}` } });
    try {
      // 1.25 MB the stalled client does not take (more than the 1 MiB it may owe), then one more message.
      await publishLive(...Array.from({ length: 25 }, (_, i) => big(i) as never));
      await waitFor(async () => reading.text().includes('big-24-'), 10_000, 'the reading stream to get the big messages');
      await publishLive(message(4) as never);
      await waitFor(async () => reading.text().includes('fanout-4'), 10_000, 'the reading stream to get the next one');
      let text = '';
      const decoder = new TextDecoder();
      for (;;) {
        const { value, done } = await stalled.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      }
      expect(text).toContain('client not reading');
      expect(text).not.toContain('fanout-4');
      expect(reading.text()).not.toContain('event: end');
    } finally {
      await stalled.cancel().catch(() => undefined);
      await reading.close();
    }
  });

  it('re-checks share one timer and one check per credential: every stream of a revoked token ends, another viewer keeps receiving', async () => {
    const person = await createPerson('viewer', 'two-tabs');
    const tabs = [await open(person.headers), await open(person.headers)];
    const bystander = await open(admin);
    try {
      const token = await db().apiToken.findFirstOrThrow({ where: { userId: person.id } });
      const res = await callRoute(tokenDelete, `/api/tokens/${token.id}`, { id: token.id }, { method: 'DELETE', headers: admin });
      expect(res.status).toBe(204);
      await Promise.all(tabs.map((t) => t.ended));
      for (const t of tabs) expect(t.text()).toContain('not authorized any more');
      await publishLive(message(3) as never);
      await waitFor(async () => bystander.text().includes('fanout-3'), 5_000, 'the other viewer to keep receiving');
      expect(bystander.text()).not.toContain('event: end');
    } finally {
      await bystander.close();
    }
  });
});
