// A run resolves step parameters from the event, from earlier steps' outputs and from run vars,
// and a real http.request step sends what those resolved to (checked at a local server).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import {
  closeAll, getEvent, postEvent, publishYaml, resetState, startTestWorkers, waitForEventRun, type Workers,
} from '../support/harness';
import { startRecorder, type Recorder } from '../support/recorder';

let workers: Workers;
let api: Recorder;

beforeAll(async () => {
  await resetState();
  api = await startRecorder();
  const res = await publishYaml(`apiVersion: railyard/v1
kind: Workflow
name: order-flow
description: Tells the shop API about a new order.
trigger: { source: generic, type: order.placed }
steps:
  - id: remember
    action: vars.set
    with:
      values: { customer: "{{ event.payload.customer.name }}", total: "{{ event.payload.qty * event.payload.price }}" }
  - id: greet
    action: log
    needs: [remember]
    with: { message: "order for {{ vars.customer }} ({{ event.payload.qty }} items)" }
  - id: notify
    action: http.request
    needs: [greet]
    with:
      url: ${api.url}/orders
      method: POST
      headers: { x-order: "{{ event.payload.id }}" }
      body: { customer: "{{ vars.customer }}", total: "{{ vars.total }}", note: "{{ steps.greet.outputs.message }}", event: "{{ event.id }}" }
`);
  expect(res.status).toBe(201);
  workers = await startTestWorkers();
});
afterAll(async () => {
  await api.close();
  await closeAll(workers);
});

describe('parameters from event, steps and vars', () => {
  let eventId: string;
  let runId: string;

  it('runs to succeeded and reports every step through GET /api/runs/{id}', async () => {
    const sent = await postEvent('generic', 'order.placed', { id: 'ord-1', customer: { name: 'Ada' }, qty: 3, price: 10 });
    expect(sent.status).toBe(202);
    eventId = sent.body.id;
    const run = await waitForEventRun(eventId);
    runId = run.id;

    expect(run).toMatchObject({ id: expect.any(String), status: 'succeeded', workflow: { name: 'order-flow', version: 1 }, error: null });
    expect(run.vars).toEqual({ customer: 'Ada', total: 30 });
    expect(run.steps.map((s) => [s.id, s.action, s.status, s.attempts, s.error])).toEqual([
      ['remember', 'vars.set', 'succeeded', 1, null],
      ['greet', 'log', 'succeeded', 1, null],
      ['notify', 'http.request', 'succeeded', 1, null],
    ]);
    const [remember, greet, notify] = run.steps;
    // A sole `{{ }}` keeps its type: the total is the number 30, not "30".
    expect(remember.outputs).toEqual({ values: { customer: 'Ada', total: 30 } });
    expect(greet.inputs).toEqual({ message: 'order for Ada (3 items)' });
    expect(greet.outputs).toEqual({ message: 'order for Ada (3 items)' });
    const expectedBody = { customer: 'Ada', total: 30, note: 'order for Ada (3 items)', event: eventId };
    expect(notify.inputs).toMatchObject({ url: `${api.url}/orders`, method: 'POST', headers: { 'x-order': 'ord-1' }, body: expectedBody });
    expect(notify.outputs).toMatchObject({ status: 200, body: { ok: true, echo: expectedBody } });
  });

  it('the local server received a body built from the event and the previous step', () => {
    const calls = api.to('/orders');
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('POST');
    expect(calls[0].body).toEqual({ customer: 'Ada', total: 30, note: 'order for Ada (3 items)', event: eventId });
    expect(calls[0].headers['x-order']).toBe('ord-1');
    expect(calls[0].headers['content-type']).toMatch(/application\/json/);
    // Stable per attempt, so the receiving system can drop a repeat after a stalled job.
    expect(calls[0].headers['idempotency-key']).toBe(`${runId}.notify.1`);
  });

  it('GET /api/events/{id} lists the run', async () => {
    const event = await getEvent(eventId);
    expect(event.processedAt).not.toBeNull();
    expect(event.registered).toBe(true); // publishing a workflow registers its trigger
    expect(event.runs).toEqual([{ id: runId, number: expect.any(Number), workflow: 'order-flow', version: 1, status: 'succeeded' }]);
  });

  it('a parameter that resolves to the wrong type fails the step without retrying', async () => {
    // qty * price on strings is a JSONata error; the step fails permanently and names it.
    const sent = await postEvent('generic', 'order.placed', { id: 'ord-2', customer: { name: 'Bob' }, qty: 'three', price: 10 });
    const run = await waitForEventRun(sent.body.id);
    expect(run.status).toBe('failed');
    expect(run.steps[0]).toMatchObject({ id: 'remember', status: 'failed', attempts: 1 });
    expect(run.steps[0].error).toMatch(/qty|number|arithmetic|operand/i);
    expect(run.steps.slice(1).map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(api.to('/orders')).toHaveLength(1);
    expect(await db().run.count({ where: { eventId: sent.body.id } })).toBe(1);
  });
});
