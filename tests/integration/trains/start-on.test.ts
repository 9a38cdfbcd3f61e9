// startOn: a Jira transition of the release ticket starts a train through the same path as the
// button (startedBy = the event); a redelivery does not start a second one. A train change is
// published on the live stream as a `train` message.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { sharedRedis } from '@/server/queue/connection';
import { LIVE_STREAM } from '@/server/live/stream';
import { closeAll, postHook, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { pipelineYaml, publishPipeline } from './trains-support';

let workers: Workers;
const fixture = JSON.parse(readFileSync('tests/fixtures/webhooks/jira/jira_issue_updated.status_todo_to_done.json', 'utf8'));
const transition = (key: string, to: string) => {
  const p = structuredClone(fixture);
  p.issue.key = key;
  p.changelog.items = p.changelog.items.map((i: { field: string }) => (i.field === 'status' ? { ...i, fromString: 'Open', toString: to } : i));
  return p;
};

beforeAll(async () => {
  await resetState();
  await publishYaml('apiVersion: railyard/v1\nkind: Workflow\nname: rel-cut\ntrigger: { source: generic, type: never }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n');
  const startOn = `startOn: { source: jira, type: issue-transitioned, match: 'event.payload.issue.key = "REL-1" and event.payload.changelog.items[field = "status"].toString = "Release"' }\n`;
  expect((await publishPipeline(pipelineYaml('auto', '  - { key: cut, name: Cut, reachedBy: { workflow: rel-cut } }\n', startOn))).status).toBe(201);
  workers = await startTestWorkers();
});
afterAll(() => closeAll(workers));

describe('startOn', () => {
  it('starts a train when the release ticket moves to Release, once', async () => {
    await postHook('jira', transition('REL-2', 'Release')); // another ticket: no train
    await postHook('jira', transition('REL-1', 'Release'), { 'X-Atlassian-Webhook-Identifier': 'rel-1-once' });
    const train = await waitFor(() => db().train.findFirst({ where: { pipeline: { key: 'auto' } } }).then((t) => t ?? undefined));
    expect(train).toMatchObject({ number: 1, version: '1.4.0', status: 'running', track: 'regular' });
    expect(train.startedBy).toMatch(/^event:/);
    const cause = await db().event.findUniqueOrThrow({ where: { id: train.startedBy!.slice(6) } });
    expect(cause).toMatchObject({ sourceKey: 'jira', type: 'issue-transitioned', payload: { issue: { key: 'REL-1' } } });
    // The same delivery again is de-duplicated by intake; processing the event again starts nothing.
    await postHook('jira', transition('REL-1', 'Release'), { 'X-Atlassian-Webhook-Identifier': 'rel-1-once' });
    const { processEvent } = await import('@/server/use-cases/process-event');
    await db().event.update({ where: { id: train.startedBy!.slice(6) }, data: { processedAt: null } });
    await processEvent(train.startedBy!.slice(6));
    expect(await db().train.count()).toBe(1);
    expect(await db().auditEntry.count({ where: { action: 'train.start' } })).toBe(1);
  });

  it('publishes train messages on the live stream', async () => {
    const entries = await sharedRedis().xrange(LIVE_STREAM, '-', '+');
    // This pipeline's messages only: a worker of the file before may still publish as this one starts.
    const trains = entries.map(([, f]) => JSON.parse(f[f.indexOf('data') + 1])).filter((m) => m.kind === 'train' && m.train?.pipeline === 'auto');
    expect(trains[0]).toMatchObject({ kind: 'train', train: { pipeline: 'auto', number: 1, status: 'running', station: 'cut' } });
  });
});
