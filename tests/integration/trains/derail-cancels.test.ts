// Derailing a train stops the work done for it: a production deploy waiting for its approval is
// cancelled with the train, so approving it afterwards deploys nothing; a run of another train
// goes on. Through the route handlers and a real worker.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '@/engine/auth/roles';
import { db } from '@/server/db/client';
import { closeAll, publishYaml, resetState, startTestWorkers, waitFor, type Workers } from '../../support/harness';
import { insertTrainEvent } from '@/server/trains/train-events';
import { processEvent } from '@/server/use-cases/process-event';
import { createPeople, type Person } from '../../support/people';
import * as api from './trains-support';

let workers: Workers;
let people: Record<Role, Person>;

beforeAll(async () => {
  await resetState();
  people = await createPeople();
  const gate = `  - { id: approve, action: approval.request, with: { message: "ship {{ event.payload.train.version }}?" } }
  - { id: deploy, action: log, needs: [approve], with: { message: deployed } }
`;
  expect((await publishYaml(api.workflow('halt-deploy', 'train.departed', 'event.payload.pipeline.key = "halt"', gate))).status).toBe(201);
  expect((await publishYaml(api.workflow('halt-after', 'train.station-reached', 'event.payload.pipeline.key = "halt"',
    '  - { id: announce, action: log, with: { message: "reached {{ event.payload.station.key }}" } }\n'))).status).toBe(201);
  expect((await api.publishPipeline(api.pipelineYaml('halt', '  - { key: prod, name: Production, reachedBy: { workflow: halt-deploy }, production: true }\n'), people.editor.headers)).status).toBe(201);
  expect((await api.createFeature({ key: 'HALT-1', title: 'One', pipeline: 'halt', status: 'ready' }, people.releaser.headers)).status).toBe(201);
  workers = await startTestWorkers();
});
afterAll(() => closeAll(workers));

describe('derail', () => {
  it('cancels the runs working for the train, so the waiting approval deploys nothing', async () => {
    const started = await api.startTrain('halt', people.releaser.headers);
    expect(started.status).toBe(201);
    const train = started.body.id as string;
    const waiting = await waitFor(async () => {
      const run = await db().run.findFirst({ where: { trainId: train }, include: { steps: true } });
      return run?.steps.find((s) => s.stepId === 'approve')?.status === 'waiting' ? run : undefined;
    }, 20_000, 'the approval to wait');

    const res = await api.derail(train, people.releaser.headers, { reason: 'checkout broken on preprod' });
    expect(res.status).toBe(200);
    const run = await db().run.findUniqueOrThrow({ where: { id: waiting.id }, include: { steps: true } });
    expect(run.status).toBe('cancelled');
    expect(run.error).toBe('train 1 derailed: checkout broken on preprod');
    expect(Object.fromEntries(run.steps.map((s) => [s.stepId, s.status]))).toEqual({ approve: 'cancelled', deploy: 'cancelled' });
    // Railyard's own event types explain themselves in the registry, with a real sample.
    for (const type of ['train.departed', 'train.derailed']) {
      const t = await db().eventType.findUniqueOrThrow({ where: { sourceKey_type: { sourceKey: 'railyard', type } } });
      expect(t).toMatchObject({ registered: true, description: expect.stringMatching(/payload\./) });
      expect(t.samplePayload).toMatchObject({ pipeline: { key: 'halt' } });
    }
    const audit = await db().auditEntry.findFirstOrThrow({ where: { action: 'train.derail', subjectId: train } });
    expect(audit.after).toMatchObject({ runsCancelled: 1 });
    // The feature boards the next train, whose run is not touched by the first one's derail.
    const next = await api.startTrain('halt', people.releaser.headers);
    expect(next.body).toMatchObject({ number: 2, features: ['HALT-1'] });
    await waitFor(async () => (await db().run.findFirst({ where: { trainId: next.body.id, status: 'running' } })) ?? undefined, 20_000, 'the next train\'s run');
  });

  it('starts nothing for an event of the train received before the derail but processed after it', async () => {
    // The previous test left train 2 on the track: clear it, and its feature is ready again.
    const onTrack = await db().train.findFirstOrThrow({ where: { status: 'running' } });
    expect((await api.derail(onTrack.id, people.releaser.headers, { reason: 'clear the track' })).status).toBe(200);
    const started = await api.startTrain('halt', people.releaser.headers);
    expect(started.status).toBe(201);
    const train = started.body.id as string;
    await workers.stop(); // nobody processes events now
    // A station reached just before the derail: its event is stored, its job not run yet.
    const pending = await db().$transaction((tx) => insertTrainEvent(tx, train, 'train.station-reached', 'late-prod',
      { pipeline: { key: 'halt' }, station: { key: 'prod' }, train: { id: train } }));
    expect((await api.derail(train, people.releaser.headers, { reason: 'stop everything' })).status).toBe(200);
    const { runIds } = await processEvent(pending);
    expect(runIds).toHaveLength(1);
    const run = await db().run.findUniqueOrThrow({ where: { id: runIds[0] }, include: { steps: true } });
    expect(run).toMatchObject({ status: 'cancelled', trainId: train, error: expect.stringMatching(/^cancelled: train \d+ was derailed$/) });
    expect(run.steps.map((st) => st.status)).toEqual(['skipped']);
    // train.derailed's own workflows still run: its event is exempt (none listen here, but it is processed).
    const derailedEvent = await db().event.findFirstOrThrow({ where: { trainId: train, type: 'train.derailed' } });
    expect((await processEvent(derailedEvent.id)).runIds).toEqual([]);
    workers = await startTestWorkers();
  });
});
