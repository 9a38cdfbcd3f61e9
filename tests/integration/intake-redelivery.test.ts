// Senders retry: a redelivery must be recognised by its delivery id and answered with the original
// event, never stored twice or run twice, even when the copies arrive at the same moment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { readFixtureBody, WEBHOOK_FIXTURES } from '../fixtures/webhooks';
import {
  closeAll, postEvent, postHook, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers,
} from '../support/harness';

let workers: Workers;
beforeAll(async () => {
  await resetState();
  // A workflow on each endpoint under test, so "no second run" is observable.
  for (const [name, source, type] of [['on-push', 'github', 'push'], ['on-gitlab-push', 'gitlab', 'push'], ['on-deploy', 'generic', 'deployed']]) {
    const res = await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: ${name}
trigger: { source: ${source}, type: ${type} }
steps:
  - id: note
    action: log
    with: { message: "got {{ event.type }}" }
`);
    expect(res.status).toBe(201);
  }
  workers = await startTestWorkers();
});
afterAll(() => closeAll(workers));

const fixture = (file: string) => WEBHOOK_FIXTURES.find((f) => f.file === file)!;
const countEvents = () => db().event.count();
const runsOf = (eventId: string) => db().run.count({ where: { eventId } });

/** Delivers twice; the second must point at the first and change nothing. */
async function deliverTwice(send: () => Promise<{ status: number; body: any }>) {
  const first = await send();
  expect(first.status).toBe(202);
  await waitForEventRun(first.body.id);
  const before = await countEvents();
  const second = await send();
  expect(second.status).toBe(200);
  expect(second.body).toEqual({ id: first.body.id, duplicate: true });
  expect(await countEvents()).toBe(before);
  // Runs come only from event rows; the duplicate created none, and the original has exactly one.
  expect(await runsOf(first.body.id)).toBe(1);
  return first.body.id as string;
}

describe('redelivery', () => {
  it('same X-GitHub-Delivery twice → one event, one run', async () => {
    const f = fixture('github/push.json');
    await deliverTwice(() => postHook('github', readFixtureBody(f), { ...f.headers, 'X-GitHub-Delivery': 'gh-redelivery-1' }));
  });

  it('same X-Gitlab-Event-UUID twice → one event, one run', async () => {
    const f = fixture('gitlab/push_hook.json');
    await deliverTwice(() => postHook('gitlab', readFixtureBody(f), { ...f.headers, 'X-Gitlab-Event-UUID': 'gl-redelivery-1' }));
  });

  it('same Idempotency-Key twice on the generic endpoint → one event, one run', async () => {
    await deliverTwice(() => postEvent('generic', 'deployed', { service: 'api' }, { 'Idempotency-Key': 'deploy-42' }));
  });

  it('the same delivery id on another source is a different event', async () => {
    const a = await postEvent('generic', 'deployed', { n: 1 }, { 'Idempotency-Key': 'shared-id' });
    const b = await postEvent('jenkins', 'anything', { n: 1 }, { 'Idempotency-Key': 'shared-id' });
    expect([a.status, b.status]).toEqual([202, 202]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('five concurrent copies store exactly one event', async () => {
    const before = await countEvents();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => postEvent('generic', 'deployed', { service: 'web' }, { 'Idempotency-Key': 'burst-1' })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 202]);
    const ids = new Set(answers.map((a) => a.body.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => a.body.duplicate === true)).toHaveLength(4);
    expect(await countEvents()).toBe(before + 1);
    const [id] = ids;
    await waitForEventRun(id);
    expect(await runsOf(id)).toBe(1);
  });

  it('concurrent copies of a Jira status change store its two events once', async () => {
    const f = fixture('jira/jira_issue_updated.status_todo_to_done.json');
    const before = await countEvents();
    const headers = { 'X-Atlassian-Webhook-Identifier': 'jira-burst-1' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => postHook('jira', readFixtureBody(f), headers)));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(1);
    expect(await countEvents()).toBe(before + 2);
  });
});
