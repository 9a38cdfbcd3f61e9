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
import { findTrain, lockTrain } from '../repositories/trains';
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
  let cancelled: string[] = [];
  const next: Awaited<ReturnType<typeof startNextInLine>> = [];
  const eventId = await withDeadlockRetry(() => db().$transaction(async (tx) => {
    cancelled = [];
    next.length = 0;
    const t = await lockTrain(tx, trainId);
    if (!t) throw notFound(`train "${trainId}"`);
    const refused = derailRefusal(t, reason);
    if (refused) throw new AppError('conflict', refused, { train: toTrainSummary(t) });
    await tx.train.update({ where: { id: t.id }, data: { status: 'derailed', track: null, finishedAt: now, derailReason: reason, derailedBy: actorKey(principal) } });
    const returned = await tx.feature.updateMany({ where: { status: 'aboard', trains: { some: { trainId: t.id } } }, data: { status: 'ready' } });
    // Its runs' rows are locked (in id order): a settle in progress is waited for, not raced. A
    // running step sees the cancel at its next heartbeat and stops.
    const active = await tx.$queryRaw<{ id: string; workflowId: string; concurrencyKey: string | null }[]>`
      SELECT r.id, v."workflowId", r."concurrencyKey" FROM "Run" r JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId"
      WHERE r."trainId" = ${t.id} AND r.status IN ('queued', 'running') ORDER BY r.id FOR UPDATE OF r`;
    for (const run of active) await cancelRunInTx(tx, run.id, `train ${t.number} derailed: ${reason}`);
    // Each concurrency line once, in a fixed order (its advisory lock), after every cancel.
    const lines = [...new Map(active.filter((r) => r.concurrencyKey).map((r) => [`${r.workflowId}:${r.concurrencyKey}`, r])).entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    for (const [, run] of lines) next.push(...(await startNextInLine(tx, { workflowId: run.workflowId, key: run.concurrencyKey })));
    cancelled = active.map((r) => r.id);
    const def = definitionOfTrain(t);
    const at = currentStation(stationStates(t))?.key ?? null;
    const facts = { id: t.id, number: t.number, kind: t.kind, version: t.version, baseRef: t.baseRef, pipeline: def.key, features: t.features.map((f) => f.snapshot) };
    await recordAudit(tx, { actor: principal, action: 'train.derail', subjectType: 'train', subjectId: t.id,
      before: { status: t.status, station: at }, after: { status: 'derailed', reason, featuresReturned: returned.count, runsCancelled: active.length } });
    return insertTrainEvent(tx, t.id, 'train.derailed', 'derailed', trainPayload(facts, def, { reason, station: at }));
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
