// The event path publishes a new run from the rows its transaction wrote (issue 11), not from a
// reload: these messages must be exactly what publishRun and publishEventSummaries send when they
// read the committed state back, and the first step's job must be queued.
import { Queue } from 'bullmq';
import { afterAll, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { LIVE_STREAM } from '@/server/live/stream';
import { sharedRedis } from '@/server/queue/connection';
import { QUEUES } from '@/server/queue/jobs';
import { publishRun } from '@/server/runs/publish-run';
import { publishEventSummaries } from '@/server/use-cases/publish-event';
import { processEvent } from '@/server/use-cases/process-event';
import { closeAll, publishYaml, resetState } from '../support/harness';

afterAll(() => closeAll());

const messagesAfter = async (id: string) =>
  (await sharedRedis().xrange(LIVE_STREAM, `(${id}`, '+')).map(([, fields]) => JSON.parse(fields[fields.indexOf('data') + 1]));
const tail = async () => (await sharedRedis().xrevrange(LIVE_STREAM, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';

it('builds the new runs\' messages from the written rows, identical to a read-back', async () => {
  await resetState();
  for (const [name, type] of [['two-steps', 'msg'], ['also', 'msg'], ['elsewhere', 'other']]) {
    const res = await publishYaml(`apiVersion: railyard/v1\nkind: Workflow\nname: ${name}\ntrigger: { source: generic, type: ${type} }\nsteps:\n` +
      `  - id: a\n    action: log\n    with: { message: hi }\n  - id: b\n    action: log\n    needs: [a]\n    with: { message: there }\n`);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  const event = await db().event.create({ data: { sourceKey: 'generic', type: 'msg', payload: { n: 1 }, headers: {}, body: '{"n":1}' } });
  const before = await tail();
  const { runIds } = await processEvent(event.id);
  expect(runIds).toHaveLength(2);
  const sent = await messagesAfter(before);

  const mark = await tail();
  for (const id of runIds) await publishRun(id);
  await publishEventSummaries([event.id]);
  const readBack = await messagesAfter(mark);
  expect(sent).toEqual(readBack);
  expect(sent.map((m) => m.kind)).toEqual(['step', 'step', 'run', 'step', 'step', 'run', 'event']);

  const queued = await db().stepRun.findMany({ where: { runId: { in: runIds }, status: 'queued' } });
  expect(queued.map((s) => s.stepId)).toEqual(['a', 'a']);
  const steps = new Queue(QUEUES.steps, { connection: sharedRedis() });
  const waiting = (await steps.getWaiting()).map((j) => j.data.stepRunId).sort();
  await steps.close();
  expect(waiting).toEqual(queued.map((s) => s.id).sort());
});
