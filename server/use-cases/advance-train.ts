// Station progress. A run working for a train finished, or an event arrived that a running train's
// current station waits for: apply the fact under the train's row lock (engine/trains/progress.ts
// decides), record it, and emit train.station-reached / train.arrived. A fact delivered twice
// finds its station already reached and changes nothing.
import { isTerminalRun } from '@/engine/run/status';
import { evaluateCondition } from '@/engine/params/condition';
import { applyFact, currentStation, type Fact } from '@/engine/trains/progress';
import { db } from '../db/client';
import type { Event } from '../db/generated/client';
import { definitionOfTrain, stationStates } from '../dto/map-trains';
import { publishTrain } from '../live/publish-train';
import { lockTrain, runningTrains, type TrainRow } from '../repositories/trains';
import { afterTrainEvents, insertTrainEvent, trainPayload } from '../trains/train-events';

const MATCH_TIMEOUT_MS = 500;

/** Called after a run of a train reached a terminal status (server/runs/settle-step.ts). */
export async function advanceTrainByRun(runId: string): Promise<void> {
  const run = await db().run.findUnique({ where: { id: runId }, select: { trainId: true, status: true, vars: true, workflowVersion: { select: { workflow: { select: { name: true } } } } } });
  if (!run?.trainId || !isTerminalRun(run.status as never)) return;
  const outcome = run.status === 'succeeded' ? 'succeeded' : run.status === 'failed' ? 'failed' : 'cancelled';
  const vars = (run.vars ?? {}) as Record<string, unknown>;
  // A workflow hands the train its changelog by setting the `changelog` variable (vars.set).
  const changelog = typeof vars.changelog === 'string' && vars.changelog.trim() ? vars.changelog : undefined;
  await applyToTrain(run.trainId, { kind: 'run', workflow: run.workflowVersion.workflow.name, runId, outcome }, changelog);
  await publishTrain(run.trainId);
}

export const trainMatchContext = (event: Pick<Event, 'id' | 'sourceKey' | 'type' | 'payload' | 'headers'>, t: TrainRow) => ({
  event: { id: event.id, source: event.sourceKey, type: event.type, payload: event.payload, headers: event.headers },
  train: { id: t.id, number: t.number, kind: t.kind, version: t.version, baseRef: t.baseRef, pipeline: t.pipeline.key },
});

/** Called for every processed event: running trains whose current station waits for it. */
export async function advanceTrainsByEvent(event: Event, trains?: TrainRow[]): Promise<void> {
  for (const t of trains ?? (await runningTrains())) {
    const here = currentStation(stationStates(t));
    const station = here && definitionOfTrain(t).stations.find((s) => s.key === here.key);
    if (!station || !('event' in station.reachedBy)) continue;
    const { source, type, match } = station.reachedBy.event;
    if (source !== event.sourceKey || type !== event.type) continue;
    try {
      if (match && !(await evaluateCondition(match, trainMatchContext(event, t), { timeoutMs: MATCH_TIMEOUT_MS }))) continue;
    } catch (err) {
      console.warn(`[trains] match of station "${station.key}" (train ${t.pipeline.key} #${t.number}) failed: ${(err as Error).message}`);
      continue;
    }
    if (await applyToTrain(t.id, { kind: 'event', stationKey: station.key, eventId: event.id })) await publishTrain(t.id);
  }
}

/** True when the train changed. */
export async function applyToTrain(trainId: string, fact: Fact, changelog?: string, now = new Date()): Promise<boolean> {
  const done = await db().$transaction(async (tx) => {
    const t = await lockTrain(tx, trainId);
    if (!t || t.status !== 'running') return null;
    const def = definitionOfTrain(t);
    if (changelog !== undefined && changelog !== t.changelog) await tx.train.update({ where: { id: t.id }, data: { changelog } });
    const progress = applyFact(def.stations, stationStates(t), fact, now);
    if (!progress) return changelog !== undefined ? [] : null;
    for (const key of progress.changed) {
      const s = progress.stations.find((x) => x.key === key)!;
      await tx.trainStation.update({ where: { trainId_key: { trainId: t.id, key } }, data: { status: s.status, startedAt: s.startedAt, reachedAt: s.reachedAt, runIds: s.runIds, reachedByEventId: s.eventId ?? null } });
    }
    const facts = { id: t.id, number: t.number, kind: t.kind, version: t.version, baseRef: t.baseRef, pipeline: def.key, features: t.features.map((f) => f.snapshot) };
    const events: string[] = [];
    if (progress.reached) {
      const sd = def.stations.find((s) => s.key === progress.reached)!;
      const station = { key: sd.key, name: sd.name, production: sd.production, next: progress.activated };
      events.push(await insertTrainEvent(tx, t.id, 'train.station-reached', `station.${sd.key}`, trainPayload(facts, def, { station })));
    }
    if (progress.arrived) {
      await tx.train.update({ where: { id: t.id }, data: { status: 'arrived', track: null, finishedAt: now } });
      await tx.feature.updateMany({ where: { status: 'aboard', trains: { some: { trainId: t.id } } }, data: { status: 'released' } });
      events.push(await insertTrainEvent(tx, t.id, 'train.arrived', 'arrived', trainPayload({ ...facts }, def)));
    }
    return events;
  });
  if (done === null) return false;
  await afterTrainEvents(done);
  return true;
}

/**
 * The reconciler's pass: a worker that died between a train run's final commit and advancing the
 * train left a finished run the station never heard of. Few trains run at once, so this is cheap.
 */
export async function catchUpTrains(finishedBefore: Date): Promise<number> {
  let applied = 0;
  for (const t of await runningTrains()) {
    const here = currentStation(stationStates(t));
    const station = here && definitionOfTrain(t).stations.find((s) => s.key === here.key);
    if (!here || !station || !('workflow' in station.reachedBy)) continue;
    const missed = await db().run.findMany({
      where: { trainId: t.id, status: { in: ['succeeded', 'failed'] }, finishedAt: { lt: finishedBefore, gte: here.startedAt ?? t.startedAt }, id: { notIn: here.runIds },
        workflowVersion: { workflow: { name: station.reachedBy.workflow } } },
      orderBy: { finishedAt: 'asc' }, select: { id: true }, take: 5,
    });
    for (const r of missed) {
      await advanceTrainByRun(r.id);
      applied++;
    }
  }
  return applied;
}
