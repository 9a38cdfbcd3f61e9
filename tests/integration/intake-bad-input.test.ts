// Bad deliveries get a 4xx whose message names the problem, and none of them stores anything.
// An unknown (source, type) pair is not bad input: it is stored and shown as unregistered.
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { GET as eventsGet } from '@/app/api/events/route';
import { GET as registryGet } from '@/app/api/registry/route';
import { POST as hookPost } from '@/app/api/hooks/[source]/route';
import { POST as genericPost } from '@/app/api/events/[id]/[type]/route';
import { db } from '@/server/db/client';
import { env } from '@/server/env';
import { callRoute } from '../support/http';
import { closeAll, postEvent, postHook, resetState, signGithub, SOURCES } from '../support/harness';
import { admin } from '../support/harness';

beforeAll(resetState);
afterAll(() => closeAll());

let before: number;
beforeEach(async () => {
  before = await db().event.count();
});
afterEach(async () => {
  expect(await db().event.count(), 'a rejected delivery must not be stored').toBe(before);
});

/** A 4xx whose JSON `{error}` mentions `keyword`. */
function expectError(res: { status: number; body: any }, status: number, keyword: RegExp) {
  expect(res.status).toBe(status);
  expect(res.body).toEqual(expect.objectContaining({ error: expect.any(String) }));
  expect(res.body.error).toMatch(keyword);
}

const push = JSON.stringify({ ref: 'refs/heads/main' });
const limit = () => env().RAILYARD_INTAKE_MAX_BYTES;

/** A body streamed in chunks with no Content-Length (Transfer-Encoding: chunked on the wire). */
function streamOf(total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      controller.enqueue(new Uint8Array(n).fill(0x20));
      sent += n;
    },
  });
}

describe('rejected deliveries', () => {
  it('unknown source → 404', async () => {
    expectError(await postHook('nope', push, {}, { auth: false }), 404, /source "nope" not found/);
  });

  it('malformed JSON → 400', async () => {
    expectError(await postEvent('generic', 'deployed', '{"service": '), 400, /malformed JSON/);
  });

  it('empty body → 400', async () => {
    expectError(await postEvent('generic', 'deployed', ''), 400, /empty body/);
  });

  it('body over the limit with Content-Length → 413', async () => {
    const big = `{"pad":"${'x'.repeat(limit())}"}`;
    expectError(await postEvent('generic', 'deployed', big, { 'Content-Length': String(Buffer.byteLength(big)) }), 413, /exceeds the limit/);
  });

  it('body over the limit, streamed without Content-Length → 413', async () => {
    const res = await callRoute(hookPost, '/api/hooks/generic', { source: 'generic' }, {
      method: 'POST',
      headers: { authorization: `Bearer ${SOURCES.generic.secret}`, 'content-type': 'application/json' },
      body: streamOf(limit() + 1),
    });
    expectError(res, 413, /exceeds the limit/);
  });

  it('a streamed body within the limit is accepted (the streamed path does not refuse everything)', async () => {
    const enc = new TextEncoder().encode('{"streamed":true}');
    const body = new ReadableStream({ start: (c) => (c.enqueue(enc), c.close()) });
    const res = await callRoute(genericPost, '/api/events/generic/streamed', { id: 'generic', type: 'streamed' }, {
      method: 'POST', headers: { authorization: `Bearer ${SOURCES.generic.secret}` }, body,
    });
    expect(res.status).toBe(202);
    before += 1; // the one event this test is meant to store
  });

  it('bad HMAC → 401', async () => {
    const headers = { 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': signGithub(push, 'not-the-secret') };
    expectError(await postHook('github', push, headers, { auth: false }), 401, /signature does not match/);
  });

  it('signature of another body → 401', async () => {
    const headers = { 'X-GitHub-Event': 'push', 'X-Hub-Signature-256': signGithub(`${push} `) };
    expectError(await postHook('github', push, headers, { auth: false }), 401, /signature/);
  });

  it('missing signature → 401', async () => {
    expectError(await postHook('github', push, { 'X-GitHub-Event': 'push' }, { auth: false }), 401, /missing signature/);
  });

  it('wrong token → 401', async () => {
    expectError(await postHook('jenkins', { build: { phase: 'STARTED' } }, { Authorization: 'Bearer wrong-token-123' }, { auth: false }), 401, /invalid token/);
  });

  it('missing token → 401', async () => {
    expectError(await postHook('jira', { webhookEvent: 'jira:issue_created' }, {}, { auth: false }), 401, /missing token/);
  });

  it('missing GitLab token → 401', async () => {
    expectError(await postHook('gitlab', { object_kind: 'push' }, { 'X-Gitlab-Event': 'Push Hook' }, { auth: false }), 401, /X-Gitlab-Token/);
  });

  it('github hook without X-GitHub-Event → 400', async () => {
    expectError(await postHook('github', push), 400, /X-GitHub-Event/);
  });

  it('jenkins payload without build.phase → 400', async () => {
    expectError(await postHook('jenkins', { name: 'job', build: { number: 3 } }), 400, /build\.phase/);
  });

  it('invalid type in the generic URL → 400', async () => {
    expectError(await postEvent('generic', 'bad type!', { ok: true }), 400, /invalid event type/);
  });
});

describe('unknown (source, type) pair', () => {
  it('is stored and listed as unregistered', async () => {
    const res = await postEvent('generic', 'never.seen', { hello: 'world' });
    expect(res.status).toBe(202);
    before += 1; // the one event this test is meant to store

    const list = await callRoute(eventsGet, '/api/events?source=generic&type=never.seen', {}, { headers: admin });
    expect(list.body).toEqual([expect.objectContaining({ id: res.body.id, registered: false, runs: [] })]);

    const registry = await callRoute(registryGet, '/api/registry', {}, { headers: admin });
    const generic = registry.body.find((s: { key: string }) => s.key === 'generic');
    expect(generic.eventTypes).toContainEqual(expect.objectContaining({ type: 'never.seen', registered: false, workflows: [] }));
  });
});
