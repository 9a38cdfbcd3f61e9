// Bitbucket Cloud through its native endpoint, with the real captured payloads: the type comes
// from X-Event-Key (colon kept), the delivery id from X-Request-UUID, the signature from
// X-Hub-Signature (sha256=<hex HMAC of the raw body>) or, without a secret, a ?token= in the URL.
// A real worker runs the workflow, so a colon in the type is shown to survive BullMQ and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as hookPost } from '@/app/api/hooks/[source]/route';
import { db } from '@/server/db/client';
import { seedSource } from '@/prisma/seed/helpers';
import { readFixtureBody, WEBHOOK_FIXTURES } from '../fixtures/webhooks';
import { closeAll, getEvent, postHook, publishYaml, resetState, signGithub, SOURCES, startTestWorkers, waitForEventRun, type Workers } from '../support/harness';
import { callRoute } from '../support/http';

const fixture = (file: string) => WEBHOOK_FIXTURES.find((f) => f.file === file)!;
const push = fixture('bitbucket/repo_push.json');
const secret = SOURCES.bitbucket.secret;

let workers: Workers;
beforeAll(async () => {
  await resetState();
  await seedSource({ key: 'bb-token', name: 'Bitbucket (token)', preset: 'bitbucket', auth: { mode: 'token', secret: 'bb-url-token-1' } });
  for (const [name, type] of [['on-bb-push', 'repo:push'], ['on-bb-merge', 'pullrequest:fulfilled']]) {
    const res = await publishYaml(`apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: bitbucket, type: ${type} }\nsteps:\n  - { id: note, action: log, with: { message: "{{ event.type }} on {{ event.payload.repository.full_name }}" } }\n`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  workers = await startTestWorkers();
}, 60_000);
afterAll(() => closeAll(workers));

/** POST /api/hooks/{source} with exactly these headers (no credential added). */
const deliver = (source: string, body: Buffer, headers: Record<string, string>, query = '') =>
  callRoute(hookPost, `/api/hooks/${source}${query}`, { source }, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('bitbucket signatures (X-Hub-Signature)', () => {
  const body = readFixtureBody(push);
  const headers = (id: string) => ({ ...push.headers, 'X-Request-UUID': id });

  it('a good signature is accepted, and the workflow on repo:push runs', async () => {
    const res = await deliver('bitbucket', body, { ...headers('sig-good'), 'X-Hub-Signature': signGithub(body, secret) });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const event = await getEvent(res.body.id);
    expect(event).toMatchObject({ type: 'repo:push', deliveryId: 'sig-good', body: body.toString('utf8') });
    expect(event.headers['x-hub-signature']).toBe('[redacted]');
    const run = await waitForEventRun(res.body.id);
    expect(run.status).toBe('succeeded');
    expect(run.steps.find((s) => s.id === 'note')?.logs.map((l) => l.message).join('\n')).toContain('repo:push on cloudbeers/temp');
  });

  it('a signature of other bytes, or with another secret, is refused (401)', async () => {
    const tampered = Buffer.from(body.toString('utf8').replace('cloudbeers', 'cloudbeerz'));
    const other = await deliver('bitbucket', tampered, { ...headers('sig-bad-1'), 'X-Hub-Signature': signGithub(body, secret) });
    expect(other.status).toBe(401);
    expect(other.body.error).toMatch(/signature does not match/);
    const wrongKey = await deliver('bitbucket', body, { ...headers('sig-bad-2'), 'X-Hub-Signature': signGithub(body, 'not-the-secret') });
    expect(wrongKey.status).toBe(401);
    expect(await db().event.count({ where: { deliveryId: { in: ['sig-bad-1', 'sig-bad-2'] } } })).toBe(0);
  });

  it('no signature is refused and the answer names X-Hub-Signature', async () => {
    const res = await deliver('bitbucket', body, headers('sig-missing'));
    expect(res.status).toBe(401);
    expect(res.body.error).toMatch(/requires an X-Hub-Signature header/);
  });

  it('a source without a secret takes its token in the webhook URL (?token=), which Bitbucket can carry', async () => {
    expect((await deliver('bb-token', body, headers('tok-good'), '?token=bb-url-token-1')).status).toBe(202);
    expect((await deliver('bb-token', body, headers('tok-bad'), '?token=wrong')).status).toBe(401);
    expect((await deliver('bb-token', body, headers('tok-none'))).status).toBe(401);
  });
});

describe('bitbucket redelivery', () => {
  it('the same X-Request-UUID again (Bitbucket retry, X-Attempt-Number 2) → the original event, one run', async () => {
    const f = fixture('bitbucket/pullrequest_fulfilled.json');
    const body = readFixtureBody(f);
    const first = await postHook('bitbucket', body, { ...f.headers, 'X-Request-UUID': 'bb-redelivery-1' });
    expect(first.status).toBe(202);
    await waitForEventRun(first.body.id);
    const before = await db().event.count();
    const retry = await postHook('bitbucket', body, { ...f.headers, 'X-Request-UUID': 'bb-redelivery-1', 'X-Attempt-Number': '2' });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual({ id: first.body.id, duplicate: true });
    expect(await db().event.count()).toBe(before);
    expect(await db().run.count({ where: { eventId: first.body.id } })).toBe(1);
  });

  it('a delivery without X-Event-Key is a 400 that names the header', async () => {
    const { 'X-Event-Key': _omitted, ...rest } = push.headers;
    const res = await postHook('bitbucket', readFixtureBody(push), rest);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/X-Event-Key/);
  });
});
