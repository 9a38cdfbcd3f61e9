// event.emit: a run creates a new event, linked to it (parentRunId) and one level deeper than the
// event that started the run. The depth limit stops workflows that trigger each other in a loop.
import { randomBytes } from 'node:crypto';
import { PermanentError } from '../actions/types';
import { sha256 } from '../crypto';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { env } from '../env';
import { enqueueSafely } from '../queue/enqueue';
import { rememberEventTypes } from '../repositories/event-types';
import { findEventByDelivery, insertEvent } from '../repositories/events';
import { findRunEventDepth, findRunTrainId } from '../repositories/runs';
import { ensureSource, findSource } from '../repositories/sources';
import { publishEventSummaries } from './publish-event';

/** Railyard's own events (release.started, emitted events) come from the built-in source. */
export const INTERNAL_SOURCE = 'railyard';

/** Creates the internal `railyard` source on first use (an emit, or a workflow listening to it). */
export async function ensureInternalSource() {
  if (await findSource(INTERNAL_SOURCE)) return;
  // Nobody posts to it from outside: the token is random and immediately forgotten.
  await ensureSource({ key: INTERNAL_SOURCE, name: 'Railyard', preset: 'generic', authMode: 'token', secretHash: sha256(randomBytes(32).toString('hex')),
    description: 'Events emitted by Railyard itself and by workflows (event.emit).' });
}

export async function emitEvent(input: { runId: string; source: string; type: string; payload: unknown; idempotencyKey: string }) {
  const parentDepth = await findRunEventDepth(input.runId);
  if (parentDepth === null) throw new PermanentError(`run ${input.runId} not found`);
  const depth = parentDepth + 1;
  const max = env().RAILYARD_MAX_EVENT_DEPTH;
  if (depth > max) {
    throw new PermanentError(`event chain depth limit reached (${max}): ${input.source}/${input.type} would be level ${depth}; check for workflows that trigger each other`);
  }
  if (input.source === INTERNAL_SOURCE) await ensureInternalSource();
  else if (!(await findSource(input.source))) throw new PermanentError(`unknown source "${input.source}"`);
  // A repeated attempt (stalled job) finds the event it already emitted.
  const deliveryId = `emit.${input.idempotencyKey}`;
  const existing = await findEventByDelivery(input.source, deliveryId);
  if (existing) return { eventId: existing.id, duplicate: true };
  try {
    const event = await db().$transaction(async (tx) => {
      await rememberEventTypes(tx, input.source, [input.type]);
      return insertEvent(tx, { sourceKey: input.source, type: input.type, payload: input.payload as Prisma.InputJsonValue,
        body: JSON.stringify(input.payload), headers: {}, deliveryId, parentRunId: input.runId, depth, trainId: await findRunTrainId(input.runId) });
    });
    await enqueueSafely('event.process', [{ eventId: event.id }]);
    await publishEventSummaries([event.id]);
    return { eventId: event.id, duplicate: false };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      const winner = await findEventByDelivery(input.source, deliveryId);
      if (winner) return { eventId: winner.id, duplicate: true };
    }
    throw err;
  }
}
