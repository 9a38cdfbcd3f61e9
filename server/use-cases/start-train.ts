// Start release: one transaction inserts the train holding its track (the unique index on
// (pipelineId, track) refuses a second regular or hotfix train), its stations (the first one
// active), the frozen manifest, the "missed train N" marks and the train.departed event; the event
// is enqueued after commit. Train numbers are computed under the pipeline's row lock.
import { z } from 'zod';
import { boardHotfix, boardRegular } from '@/engine/trains/boarding';
import { preflight } from '@/engine/trains/preflight';
import { initialStations } from '@/engine/trains/progress';
import { recordAudit } from '../audit/record-audit';
import { actorKey, authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { toTrainSummary } from '../dto/map-trains';
import { AppError, badRequest, notFound } from '../errors';
import { publishTrain } from '../live/publish-train';
import { findPipeline, lockPipeline } from '../repositories/pipelines';
import { runningTrains, trainInclude } from '../repositories/trains';
import { toTrackTrain } from '../trains/track';
import { afterTrainEvents, insertTrainEvent, trainPayload } from '../trains/train-events';
import { ensureInternalSource } from './emit-event';

export const startTrainBody = z.strictObject({
  kind: z.enum(['regular', 'hotfix']).default('regular'),
  features: z.array(z.string().min(1).max(100)).max(500).optional(),
  commits: z.array(z.string().regex(/^[0-9a-f]{4,40}$/i, 'must be a commit sha')).max(500).optional(),
});

export type StartedTrain = { id: string; number: number; version: string; features: string[] };

/** `startedBy` overrides the actor's key (a train started by an event records the event). */
export async function startTrain(actor: Actor, pipelineKey: string, body: unknown, opts: { startedBy?: string; now?: Date } = {}): Promise<StartedTrain> {
  const principal = authorize(actor, 'trains.start');
  const input = startTrainBody.parse(body ?? {});
  if (input.kind === 'regular' && input.features) throw badRequest('features: a regular train takes every ready feature; name features only for a hotfix');
  const pipeline = await findPipeline(pipelineKey);
  if (!pipeline) throw notFound(`pipeline "${pipelineKey}"`);
  const def = pipeline.version.definition;
  await ensureInternalSource();
  const now = opts.now ?? new Date();
  try {
    const { train, eventId, boarded } = await db().$transaction(async (tx) => {
      await lockPipeline(tx, pipeline.id);
      const running = await tx.train.findMany({ where: { pipelineId: pipeline.id, status: 'running' }, include: trainInclude });
      const released = await tx.train.findMany({ where: { pipelineId: pipeline.id, status: 'arrived' }, select: { kind: true, version: true } });
      const pf = preflight({ kind: input.kind, running: running.map(toTrackTrain), released: released as { kind: 'regular' | 'hotfix'; version: string }[], scheme: def.version, now });
      const holder = running.find((t) => t.kind === input.kind);
      if (!pf.canStart) throw new AppError('conflict', pf.reason!, holder ? { train: toTrainSummary(holder) } : undefined);

      const open = await tx.feature.findMany({ where: { pipelineId: pipeline.id, status: { in: ['open', 'ready', 'aboard', 'released'] } }, orderBy: { key: 'asc' } });
      const board = input.kind === 'regular' ? { ...boardRegular(open), unknown: [] as string[] } : boardHotfix(open, input.features ?? []);
      if (board.unknown.length) throw badRequest(`features: no feature ${board.unknown.map((k) => `"${k}"`).join(', ')} in pipeline "${def.key}"`);
      if (board.refused.length) throw new AppError('conflict', `features: ${board.refused.map((r) => r.why).join('; ')}`);

      const last = await tx.train.aggregate({ where: { pipelineId: pipeline.id }, _max: { number: true } });
      const number = (last._max.number ?? 0) + 1;
      const created = await tx.train.create({
        data: {
          pipelineId: pipeline.id, pipelineVersionId: pipeline.version.id, number, kind: input.kind, status: 'running', track: input.kind,
          version: pf.version, baseRef: pf.baseRef, startedBy: opts.startedBy ?? actorKey(principal), startedAt: now,
          stations: { create: initialStations(def.stations, now).map((s, position) => ({ key: s.key, position, status: s.status, startedAt: s.startedAt })) },
        },
      });
      const snapshot = (f: (typeof open)[number]) => ({ key: f.key, title: f.title, link: f.link, branch: f.branch, owner: f.owner, readyAt: f.readyAt?.toISOString() ?? null });
      if (board.boarding.length) {
        await tx.trainFeature.createMany({ data: board.boarding.map((f) => ({ trainId: created.id, featureId: f.id, boardedAt: now, snapshot: snapshot(f) })) });
        await tx.feature.updateMany({ where: { id: { in: board.boarding.map((f) => f.id) } }, data: { status: 'aboard' } });
      }
      if (board.missed.length) await tx.feature.updateMany({ where: { id: { in: board.missed.map((f) => f.id) } }, data: { missedTrainId: created.id } });
      const facts = { id: created.id, number, kind: input.kind, version: pf.version, baseRef: pf.baseRef, pipeline: def.key, features: board.boarding.map(snapshot), commits: input.commits };
      const eventId = await insertTrainEvent(tx, created.id, 'train.departed', 'departed', trainPayload(facts, def));
      await recordAudit(tx, { actor: principal, action: 'train.start', subjectType: 'train', subjectId: created.id,
        after: { pipeline: def.key, number, kind: input.kind, version: pf.version, features: board.boarding.map((f) => f.key), startedBy: opts.startedBy ?? actorKey(principal) } });
      return { train: created, eventId, boarded: board.boarding.map((f) => f.key) };
    });
    await afterTrainEvents([eventId]);
    await publishTrain(train.id);
    return { id: train.id, number: train.number, version: train.version, features: boarded };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') throw await trackConflict(pipeline.id, input.kind, now);
    throw err;
  }
}

/** The unique index refused the train (a start that skipped the lock): name who holds the track. */
async function trackConflict(pipelineId: string, kind: 'regular' | 'hotfix', now: Date): Promise<AppError> {
  const holder = (await runningTrains([pipelineId])).find((t) => t.kind === kind);
  if (!holder) return new AppError('conflict', 'another train was started at the same moment; retry');
  const pf = preflight({ kind, running: [toTrackTrain(holder)], released: [{ kind: 'regular', version: '0.0.0' }], scheme: { initial: '0.0.0', bump: 'patch', tagPrefix: '' }, now });
  return new AppError('conflict', pf.reason ?? 'the track is busy', { train: toTrainSummary(holder) });
}
