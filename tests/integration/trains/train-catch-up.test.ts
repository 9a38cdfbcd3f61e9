// A worker that dies between a train run's final commit and advancing the train leaves a finished
// run the station never heard of; the reconciler's pass applies it (once).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { reconcileDueWork } from '@/server/use-cases/reconcile-due-work';
import { closeAll, publishYaml, resetState } from '../../support/harness';
import { createPerson } from '../../support/people';
import { getTrain, pipelineYaml, publishPipeline, startTrain } from './trains-support';

beforeAll(async () => {
  await resetState();
  await publishYaml('apiVersion: railyard/v1\nkind: Workflow\nname: cu-cut\ntrigger: { source: generic, type: never }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n');
  expect((await publishPipeline(pipelineYaml('cu', '  - { key: cut, name: Cut, reachedBy: { workflow: cu-cut } }\n'))).status).toBe(201);
});
afterAll(() => closeAll());

describe('reconciler catches trains up', () => {
  it('advances a train past a station whose run finished while nobody advanced it', async () => {
    const releaser = await createPerson('releaser', 'cu-releaser');
    const { body } = await startTrain('cu', releaser.headers);
    const departed = await db().event.findFirstOrThrow({ where: { trainId: body.id, type: 'train.departed' } });
    const version = await db().workflowVersion.findFirstOrThrow({ where: { workflow: { name: 'cu-cut' } } });
    // The state a crash leaves: the run committed as succeeded, the train still at its station.
    const run = await db().run.create({ data: { workflowVersionId: version.id, eventId: departed.id, status: 'succeeded', trainId: body.id, finishedAt: new Date(Date.now() + 5), steps: { create: [] } } });
    expect((await getTrain(body.id)).body.stations[0].status).toBe('active');
    await reconcileDueWork({ graceMs: -1000 });
    const t = (await getTrain(body.id)).body;
    expect(t).toMatchObject({ status: 'arrived' });
    expect(t.stations[0]).toMatchObject({ status: 'reached', runs: [expect.objectContaining({ id: run.id })] });
    await reconcileDueWork({ graceMs: -1000 });
    expect(await db().event.count({ where: { trainId: body.id, type: 'train.station-reached' } })).toBe(1);
  });
});
