// Derailing a train: it leaves the track with a reason, its features return to `ready` and board
// the next train. Audited; emits railyard / train.derailed.
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

const bodySchema = z.object({ reason: z.string().max(2000).optional() });

export async function derailTrain(actor: Actor, trainId: string, body: unknown, now = new Date()) {
  const principal = authorize(actor, 'trains.start');
  const parsed = bodySchema.safeParse(body ?? {});
  const reason = parsed.success ? (parsed.data.reason ?? '').trim() : '';
  if (!reason) throw badRequest('reason: say why the train is derailed ({"reason": "…"})');
  const eventId = await db().$transaction(async (tx) => {
    const t = await lockTrain(tx, trainId);
    if (!t) throw notFound(`train "${trainId}"`);
    const refused = derailRefusal(t, reason);
    if (refused) throw new AppError('conflict', refused, { train: toTrainSummary(t) });
    await tx.train.update({ where: { id: t.id }, data: { status: 'derailed', track: null, finishedAt: now, derailReason: reason, derailedBy: actorKey(principal) } });
    const returned = await tx.feature.updateMany({ where: { status: 'aboard', trains: { some: { trainId: t.id } } }, data: { status: 'ready' } });
    const def = definitionOfTrain(t);
    const at = currentStation(stationStates(t))?.key ?? null;
    const facts = { id: t.id, number: t.number, kind: t.kind, version: t.version, baseRef: t.baseRef, pipeline: def.key, features: t.features.map((f) => f.snapshot) };
    await recordAudit(tx, { actor: principal, action: 'train.derail', subjectType: 'train', subjectId: t.id,
      before: { status: t.status, station: at }, after: { status: 'derailed', reason, featuresReturned: returned.count } });
    return insertTrainEvent(tx, t.id, 'train.derailed', 'derailed', trainPayload(facts, def, { reason, station: at }));
  });
  await afterTrainEvents([eventId]);
  await publishTrain(trainId);
  return toTrainSummary((await findTrain(trainId))!);
}
