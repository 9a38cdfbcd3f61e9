// Event types as real tools name them (Bitbucket's `repo:push`, GitHub's `pull_request.closed`)
// are accepted at the generic endpoint and in triggers, by the one rule of
// engine/intake/event-type.ts; a type the intake would refuse is refused by workflow validation
// too. A real worker runs the workflows, and one of them emits a colon type, so the types are
// shown to travel through BullMQ (whose job ids may not contain ":") and Redis.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { closeAll, getEvent, postEvent, publishYaml, resetState, startTestWorkers, waitFor, waitForEventRun, type Workers } from '../support/harness';

const workflow = (name: string, source: string, type: string, steps: string) =>
  `apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: ${source}, type: ${type} }\nsteps:\n${steps}`;

let workers: Workers;
beforeAll(async () => {
  await resetState();
  const on = await publishYaml(workflow('on-repo-push', 'generic', 'repo:push', '  - { id: ask, action: event.emit, with: { type: "build:requested", payload: { from: "{{ event.type }}" } } }\n'));
  expect(on.status, JSON.stringify(on.body)).toBe(201);
  const chained = await publishYaml(workflow('on-build-requested', 'railyard', 'build:requested', '  - { id: note, action: log, with: { message: "{{ event.payload.from }}" } }\n'));
  expect(chained.status, JSON.stringify(chained.body)).toBe(201);
  workers = await startTestWorkers();
}, 60_000);
afterAll(() => closeAll(workers));

describe('the generic endpoint', () => {
  it('takes repo:push with a raw colon, runs its workflow, and the emitted build:requested runs the next one', async () => {
    const res = await postEvent('generic', 'repo:push', { ref: 'main' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await getEvent(res.body.id)).type).toBe('repo:push');
    const run = await waitForEventRun(res.body.id);
    expect(run.status, JSON.stringify(run)).toBe('succeeded');
    const emitted = await waitFor(async () => (await db().event.findFirst({ where: { sourceKey: 'railyard', type: 'build:requested', parentRunId: run.id } })) ?? undefined);
    expect((await waitForEventRun(emitted.id)).status).toBe('succeeded');
  });

  it('takes %3A as the same colon (a client that escaped it, and Next itself decodes once)', async () => {
    const res = await postEvent('generic', 'repo%3Apush', {});
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await getEvent(res.body.id)).type).toBe('repo:push');
    // What the real Next 16 router hands the route for both spellings of the URL.
    const require = createRequire(import.meta.url);
    const { getRouteRegex } = require('next/dist/shared/lib/router/utils/route-regex');
    const { getRouteMatcher } = require('next/dist/shared/lib/router/utils/route-matcher');
    const match = getRouteMatcher(getRouteRegex('/api/events/[id]/[type]'));
    expect(match('/api/events/generic/repo%3Apush')).toEqual({ id: 'generic', type: 'repo:push' });
    expect(match('/api/events/generic/repo:push')).toEqual({ id: 'generic', type: 'repo:push' });
  });

  it.each(['pull_request.closed', 'build-completed', 'pullrequest:created', 'Deploy.Done'])('takes %s', async (type) => {
    const res = await postEvent('generic', type, {});
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    expect((await getEvent(res.body.id)).type).toBe(type);
  });

  it.each([
    ['repo%20push', /invalid event type "repo push"/],
    ['push:', /invalid event type "push:"/],
    ['.hidden', /invalid event type ".hidden"/],
    ['repo%2Fpush', /invalid event type "repo\/push"/],
    ['repo%ZZpush', /percent-encoding/],
    ['x'.repeat(101), /longer than 100/],
  ])('refuses %s with a 400 naming it, storing nothing', async (type, message) => {
    // Counted per source: the worker may still be storing the railyard events that earlier
    // repo:push runs emit, and those must not be mistaken for a refused delivery being stored.
    const generic = () => db().event.count({ where: { sourceKey: 'generic' } });
    const before = await generic();
    const res = await postEvent('generic', type, {});
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(message);
    expect(await generic()).toBe(before);
  });
});

describe('workflow triggers', () => {
  it.each(['"repo push"', '"push:"', '"a/b"'])('a trigger on %s (which the intake refuses) is a validation error naming trigger.type', async (type) => {
    const res = await publishYaml(workflow('never-fires', 'generic', type, '  - { id: a, action: log, with: { message: hi } }\n'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/trigger\.type: invalid event type/);
    expect(await db().workflow.count({ where: { name: 'never-fires' } })).toBe(0);
  });

  it('event.emit and event.wait refuse such a type too, naming the step', async () => {
    const res = await publishYaml(workflow('bad-emit', 'generic', 'repo:push', '  - { id: out, action: event.emit, with: { type: "no spaces" } }\n'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/step \\"out\\": with\.type: invalid event type/);
  });
});
