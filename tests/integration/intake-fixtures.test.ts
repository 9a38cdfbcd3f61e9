// Every real webhook payload we keep must be accepted through its native endpoint, typed by its
// preset, and stored byte-for-byte (signatures and audits need the exact body).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as eventsGet } from '@/app/api/events/route';
import { db } from '@/server/db/client';
import { listPayloadFiles, nativeDeliveryId, readFixtureBody, readFixturePayload, WEBHOOK_FIXTURES } from '../fixtures/webhooks';
import { callRoute } from '../support/http';
import { closeAll, getEvent, postHook, resetState } from '../support/harness';
import { admin } from '../support/harness';

beforeAll(resetState);
afterAll(() => closeAll());

describe('native webhook fixtures', () => {
  it('covers every payload file in tests/fixtures/webhooks', () => {
    expect(WEBHOOK_FIXTURES.map((f) => f.file).sort()).toEqual(listPayloadFiles());
  });

  it.each(WEBHOOK_FIXTURES.map((f) => [f.file, f] as const))('%s is accepted, typed and stored verbatim', async (_file, fixture) => {
    const bytes = readFixtureBody(fixture);
    const res = await postHook(fixture.source, bytes, fixture.headers);
    expect(res.status).toBe(202);
    expect(res.body.id).toEqual(expect.any(String));
    const ids: string[] = res.body.ids ?? [res.body.id];
    expect(ids).toHaveLength(fixture.expectedTypes.length);
    expect(ids[0]).toBe(res.body.id);

    const events = await Promise.all(ids.map(getEvent));
    expect(events.map((e) => e.type)).toEqual([...fixture.expectedTypes]);
    for (const event of events) {
      expect(event.source).toBe(fixture.source);
      expect(event.body).toBe(bytes.toString('utf8'));
      expect(event.payload).toEqual(readFixturePayload(fixture));
      // Credentials never reach storage, but the header name stays for debugging.
      const secretHeader = Object.keys(event.headers).find((h) => ['x-hub-signature-256', 'x-hub-signature', 'x-gitlab-token', 'authorization'].includes(h));
      expect(secretHeader && event.headers[secretHeader]).toBe('[redacted]');
    }
    // The native delivery id is kept on the primary event (what redelivery de-duplicates on).
    expect(events[0].deliveryId).toBe(nativeDeliveryId(fixture));
  });

  it('a Jira status change is two events: issue-updated and issue-transitioned', async () => {
    const rows = await db().event.findMany({ where: { sourceKey: 'jira', type: { in: ['issue-updated', 'issue-transitioned'] } } });
    const jiraStatusFixtures = WEBHOOK_FIXTURES.filter((f) => f.expectedTypes.includes('issue-transitioned'));
    expect(jiraStatusFixtures.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.type === 'issue-transitioned')).toHaveLength(jiraStatusFixtures.length);
    expect(rows.filter((r) => r.type === 'issue-updated')).toHaveLength(jiraStatusFixtures.length);
  });

  it('lists every stored event through GET /api/events', async () => {
    const expected = WEBHOOK_FIXTURES.reduce((n, f) => n + f.expectedTypes.length, 0);
    const res = await callRoute(eventsGet, '/api/events?limit=200', {}, { headers: admin });
    expect(res.status).toBe(200);
    expect(res.body).toHaveLength(expected);
  });
});
