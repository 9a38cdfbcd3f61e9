// The editor's expression endpoints through the real route handlers: the preview (stored event or
// pasted payload, time and size caps, secrets and later outputs as stand-ins, 4xx naming the
// problem, 401) and the sample data behind completion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as sampleGet } from '@/app/api/event-types/[source]/[type]/sample/route';
import { POST as previewPost } from '@/app/api/expressions/preview/route';
import { db } from '@/server/db/client';
import { PREVIEW_RESULT_MAX_CHARS } from '@/server/use-cases/preview-expression';
import { TRUNCATION_MARKER } from '@/engine/params/preview-context';
import { callRoute } from '../support/http';
import { createPeople, type Person } from '../support/people';
import { closeAll, postEvent, resetState } from '../support/harness';

let people: Record<string, Person>;
let eventId: string;
beforeAll(async () => {
  await resetState();
  people = await createPeople();
  // A secret exists in the database; no preview may ever show its value.
  await db().secret.create({ data: { name: 'GH_TOKEN', valueEnc: 'not-a-real-ciphertext' } });
  const posted = await postEvent('generic', 'build.finished', { build: { number: 42, status: 'SUCCESS' }, ref: 'refs/heads/main' });
  expect(posted.status).toBe(202);
  eventId = posted.body.id;
});
afterAll(() => closeAll());

const preview = (body: unknown, who: Person | null = people.viewer) =>
  callRoute(previewPost, '/api/expressions/preview', {}, { method: 'POST', headers: who ? who.headers : {}, body: body as object });

describe('POST /api/expressions/preview', () => {
  it('resolves a template against a stored event, keeping the type of a sole expression', async () => {
    const text = await preview({ template: 'build #{{ event.payload.build.number }} on {{ event.source }}', eventId });
    expect(text.status).toBe(200);
    expect(text.body).toEqual({ value: 'build #42 on generic', type: 'string', truncated: false });
    const sole = await preview({ template: '{{ event.payload.build.number }}', eventId });
    expect(sole.body).toEqual({ value: 42, type: 'number', truncated: false });
  });

  it('evaluates a bare condition against a pasted payload', async () => {
    const r = await preview({ expression: 'event.payload.build.status = "SUCCESS"', payload: { build: { status: 'SUCCESS' } } });
    expect(r.body).toEqual({ value: true, type: 'boolean', truncated: false });
  });

  it('shows secrets as «secret NAME» and later outputs and vars as stand-ins, never resolved', async () => {
    const r = await preview({
      template: 'Bearer {{ secrets.GH_TOKEN }} {{ steps.version.outputs.tag }} {{ vars.bump }} {{ vars.env }} {{ run.workflow }}',
      eventId,
      vars: { bump: 'minor' },
      workflow: 'ship',
      stepId: 'notify',
    });
    expect(r.body.value).toBe('Bearer «secret GH_TOKEN» «steps.version.outputs.tag» minor «vars.env» ship');
    expect(JSON.stringify(r.body)).not.toContain('not-a-real-ciphertext');
  });

  it('cuts a large result with a marker', async () => {
    // A big value that costs nothing to compute, so the 200 ms time cap never decides this test.
    const r = await preview({ template: '{{ event.payload.big }}', payload: { big: 'x'.repeat(40_000) } });
    expect(r.body.truncated).toBe(true);
    expect(r.body.value).toHaveLength(PREVIEW_RESULT_MAX_CHARS + TRUNCATION_MARKER.length);
    expect(r.body.value.endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  it('stops a runaway expression at the time cap and answers with the reason', async () => {
    const r = await preview({ expression: '($f := function($n) { $n > 0 ? $f($n - 1) + $f($n - 1) : 1 }; $f(60))', payload: {} });
    expect(r.status).toBe(200);
    expect(r.body.error).toMatch(/timed out after 200 ms|maximum depth/);
  });

  it('answers a parse error of the author as {error} naming the position', async () => {
    const r = await preview({ template: 'x {{ event.payload. }}', payload: {} });
    expect(r.status).toBe(200);
    expect(r.body.error).toMatch(/does not parse.*position/);
  });

  it('refuses bad input with a 4xx that names it', async () => {
    const neither = await preview({ payload: {} });
    expect(neither.status).toBe(400);
    expect(neither.body.error).toMatch(/exactly one of "template" or "expression"/);
    const both = await preview({ template: 'x', eventId, payload: {} });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatch(/"eventId" or "payload", not both/);
    const unknownKey = await preview({ template: 'x', colour: 'red' });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.error).toMatch(/colour/);
    const missing = await preview({ template: 'x', eventId: 'no-such-event' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatch(/event "no-such-event" not found/);
    const badStep = await preview({ template: 'x', stepId: '1 bad' });
    expect(badStep.status).toBe(400);
    expect(badStep.body.error).toMatch(/stepId/);
  });

  it('refuses a pasted payload over the input cap with 413 naming the limit', async () => {
    const r = await preview({ template: '{{ 1 }}', payload: { blob: 'x'.repeat(1024 * 1024) } });
    expect(r.status).toBe(413);
    expect(r.body.error).toMatch(/pasted payload is larger than the preview limit/);
  });

  it('needs a credential (401); every role may preview', async () => {
    expect((await preview({ template: 'x' }, null)).status).toBe(401);
    for (const who of Object.values(people)) expect((await preview({ template: '{{ 1 + 1 }}' }, who)).body.value).toBe(2);
  });
});

describe('GET /api/event-types/{source}/{type}/sample', () => {
  const sample = (source: string, type: string, who: Person | null = people.viewer) =>
    callRoute(sampleGet, `/api/event-types/${source}/${type}/sample`, { source, type }, { headers: who ? who.headers : {} });

  it('returns the registered sample and the newest stored payloads', async () => {
    await db().eventType.update({ where: { sourceKey_type: { sourceKey: 'generic', type: 'build.finished' } }, data: { samplePayload: { build: { number: 1, url: 'x' } } } });
    const r = await sample('generic', 'build.finished');
    expect(r.status).toBe(200);
    expect(r.body.samplePayload).toEqual({ build: { number: 1, url: 'x' } });
    expect(r.body.recent).toEqual([expect.objectContaining({ id: eventId, payload: expect.objectContaining({ ref: 'refs/heads/main' }) })]);
  });

  it('answers an unknown type with nothing to complete, and a bad type with 400', async () => {
    expect((await sample('generic', 'never.seen')).body).toEqual({ source: 'generic', type: 'never.seen', samplePayload: null, recent: [] });
    const bad = await sample('generic', 'bad type');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/event type/);
    expect((await sample('generic', 'repo%3Apush')).body.type).toBe('repo:push');
  });

  it('needs a credential (401)', async () => {
    expect((await sample('generic', 'build.finished', null)).status).toBe(401);
  });
});
