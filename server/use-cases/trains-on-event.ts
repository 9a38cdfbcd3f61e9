// What an event means for release trains, checked for every processed event (process-event.ts):
// a running train's current station may wait for it, a Jira transition may make a feature ready,
// and a pipeline's `startOn` may start a train. All three are idempotent under redelivery.
import { evaluateCondition } from '@/engine/params/condition';
import { AppError } from '../errors';
import type { Event } from '../db/generated/client';
import type { Principal } from '../auth/principal';
import { listPipelineRows, type PipelineRow } from '../repositories/pipelines';
import { findTrainStartedByEvent, runningTrains } from '../repositories/trains';
import { advanceTrainsByEvent } from './advance-train';
import { featuresFromJira } from './jira-features';
import { startTrain } from './start-train';

export async function trainsOnEvent(event: Event): Promise<void> {
  const pipelines = await listPipelineRows();
  if (pipelines.length === 0) return;
  const trains = await runningTrains();
  if (trains.length) await advanceTrainsByEvent(event, trains);
  await featuresFromJira(event, pipelines);
  await startOnEvent(event, pipelines);
}

// The Start button's path, on behalf of the event (recorded as startedBy "event:<id>").
const eventActor = (event: Event): Principal => ({ kind: 'token', id: 'system', name: `${event.sourceKey} / ${event.type} event ${event.id}`, role: 'releaser', userId: null });

async function startOnEvent(event: Event, pipelines: PipelineRow[]): Promise<void> {
  for (const p of pipelines) {
    const on = p.version.definition.startOn;
    if (!on || on.source !== event.sourceKey || on.type !== event.type) continue;
    const ctx = { event: { id: event.id, source: event.sourceKey, type: event.type, payload: event.payload, headers: event.headers } };
    try {
      if (on.match && !(await evaluateCondition(on.match, ctx, { timeoutMs: 500 }))) continue;
    } catch (err) {
      console.warn(`[trains] startOn match of pipeline "${p.key}" failed: ${(err as Error).message}`);
      continue;
    }
    const startedBy = `event:${event.id}`;
    if (await findTrainStartedByEvent(p.id, startedBy)) continue; // redelivered
    try {
      await startTrain(eventActor(event), p.key, { kind: on.kind }, { startedBy });
    } catch (err) {
      if (err instanceof AppError) console.warn(`[trains] ${event.sourceKey} / ${event.type} did not start a train on "${p.key}": ${err.message}`);
      else throw err;
    }
  }
}
