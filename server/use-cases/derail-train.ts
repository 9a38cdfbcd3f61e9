// Derailing a train: it leaves the track with a reason, its features return to `ready` and board
// the next train, and the runs working for it are cancelled in the same transaction (a derailed
// release must not go on deploying, nor wait for an approval that would deploy it). Audited; emits
// railyard / train.derailed.
import { z } from 'zod';
import { derailRefusal } from '@/engine/trains/progress';
import { recordAudit } from '../audit/record-audit';
import { actorKey, authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { definitionOfTrain, stationStates, toTrainSummary } from '../dto/map-trains';
import { AppError, badRequest, notFound } from '../errors';
import { publishTrain } from '../live/publish-train';
import { findTrain, lockActiveTrainRuns, lockTrain, markDerailed } from '../repositories/trains';
import { currentStation } from '@/engine/trains/progress';
import { afterTrainEvents, insertTrainEvent, trainPayload } from '../trains/train-events';
import { cancelRunInTx } from '../runs/cancel-in-tx';
import { startNextInLine } from '../runs/next-in-line';
import { publishRun } from '../runs/publish-run';
import { enqueueSafely } from '../queue/enqueue';
import { notifyAfterRun } from '../subscriptions/hooks';

const bodySchema = z.object({ reason: z.string().max(2000).optional() });

export async function derailTrain(actor: Actor, trainId: string, body: unknown, now = new Date()) {
  const principal = authorize(actor, 'trains.start');
  const parsed = bodySchema.safeParse(body ?? {});
  const reason = parsed.success ? (parsed.data.reason ?? '').trim() : '';
  if (!reason) throw badRequest('reason: say why the train is derailed ({"reason": "…"})');
  const { eventId, cancelled, next } = await withDeadlockRetry(() => db().$transaction(async (tx) => {
    const t = await lockTrain(tx, trainId);
    if (!t) throw notFound(`train "${trainId}"`);
    const refused = derailRefusal(t, reason);
    if (refused) throw new AppError('conflict', refused, { train: toTrainSummary(t) });
    const returned = await markDerailed(tx, t.id, { at: now, reason, by: actorKey(principal) });
    const active = await lockActiveTrainRuns(tx, t.id);
    for (const run of active) await cancelRunInTx(tx, run.id, `train ${t.number} derailed: ${reason}`);
    // Each concurrency line once, in a fixed order (its advisory lock), after every cancel.
    const lines = [...new Map(active.filter((r) => r.concurrencyKey).map((r) => [`${r.workflowId}:${r.concurrencyKey}`, r])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const next = [];
    for (const [, run] of lines) next.push(...(await startNextInLine(tx, { workflowId: run.workflowId, key: run.concurrencyKey })));
    const def = definitionOfTrain(t);
    const at = currentStation(stationStates(t))?.key ?? null;
    const facts = { id: t.id, number: t.number, kind: t.kind, version: t.version, baseRef: t.baseRef, pipeline: def.key, features: t.features.map((f) => f.snapshot) };
    await recordAudit(tx, { actor: principal, action: 'train.derail', subjectType: 'train', subjectId: t.id,
      before: { status: t.status, station: at }, after: { status: 'derailed', reason, featuresReturned: returned, runsCancelled: active.length } });
    const eventId = await insertTrainEvent(tx, t.id, 'train.derailed', 'derailed', trainPayload(facts, def, { reason, station: at }));
    return { eventId, cancelled: active.map((r) => r.id), next };
  }));
  for (const id of cancelled) await publishRun(id, undefined, { withEvent: true });
  for (const id of new Set(next.map((n) => n.runId))) await publishRun(id);
  await enqueueSafely('step.run', next);
  for (const id of cancelled) await notifyAfterRun(id);
  await afterTrainEvents([eventId]);
  await publishTrain(trainId);
  return toTrainSummary((await findTrain(trainId))!);
}

/**
 * Derail locks the train, then its runs, then their concurrency lines: a settle or a cancel that
 * took the same locks the other way round makes Postgres end one of the two (a deadlock, P2034).
 * The derail is then simply tried again; the other side has its own retry.
 */
async function withDeadlockRetry<T>(fn: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= tries || (code !== 'P2034' && !/deadlock detected/.test((err as Error).message ?? ''))) throw err;
    }
  }
}
