// POST /api/subscriptions/{id}/preview {eventId}: the message a subscription would send for a
// stored event (for a workflow target, that event's run; for a pipeline, its train), rendered for
// each channel, without sending anything or touching the remembered outcomes.
import { evaluateCondition } from '@/engine/params/condition';
import type { PreviewDto } from '@/engine/subscriptions/dto';
import { decide } from '@/engine/subscriptions/policy';
import { renderChat } from '@/engine/subscriptions/render-chat';
import { renderEmail } from '@/engine/subscriptions/render-email';
import { previewSchema, type Policy, type Target } from '@/engine/subscriptions/schema';
import type { Actor } from '../auth/authorize';
import { badRequest, notFound } from '../errors';
import { findEventRow } from '../repositories/events';
import { findSubscription } from '../repositories/subscriptions';
import { findLatestRunOfWorkflowForEvent, findLatestTrainEvent, findTrainIdOfEventRuns, findUngroupedState } from '../repositories/subscription-previews';
import { findTrainPipelineKey } from '../repositories/trains';
import { channelDtos } from '../subscriptions/channels';
import { eventSubject, runSubject, type Subject } from '../subscriptions/subjects';
import { subscriber } from './manage-subscriptions';

async function subjectFor(target: Target, eventId: string): Promise<Subject> {
  const event = await findEventRow(eventId);
  if (!event) throw notFound(`eventId: event "${eventId}"`);
  if (target.kind === 'event-type') {
    if (event.sourceKey !== target.source || event.type !== target.type) {
      throw badRequest(`eventId: event "${eventId}" is ${event.sourceKey} / ${event.type}, not ${target.source} / ${target.type}`);
    }
    return (await eventSubject(event, { asTrain: true }))!;
  }
  if (target.kind === 'workflow') {
    const run = await findLatestRunOfWorkflowForEvent(eventId, target.name);
    if (!run) throw notFound(`eventId: a run of workflow "${target.name}" for event "${eventId}"`);
    return (await runSubject(run.id))!;
  }
  // A pipeline: the event's train (its own, or the train one of its runs works for), as of its latest train event.
  const trainId = event.trainId ?? (await findTrainIdOfEventRuns(eventId));
  const pipeline = trainId ? await findTrainPipelineKey(trainId) : null;
  if (!trainId || pipeline !== target.key) throw notFound(`eventId: a train of pipeline "${target.key}" for event "${eventId}"`);
  const trainEvent = event.sourceKey === 'railyard' && event.type.startsWith('train.') ? event
    : await findLatestTrainEvent(trainId);
  if (!trainEvent) throw notFound(`eventId: a train event of pipeline "${target.key}"`);
  return (await eventSubject(trainEvent, { asTrain: true }))!;
}

export async function previewSubscriptionUseCase(actor: Actor, id: string, input: unknown): Promise<PreviewDto> {
  const p = subscriber(actor);
  const { eventId } = previewSchema.parse(input);
  const s = await findSubscription(id);
  if (!s || (!s.team && s.ownerId !== p.userId)) throw notFound(`subscription "${id}"`);
  const target = s.target as Target;
  const subject = await subjectFor(target, eventId);
  let decision: PreviewDto['decision'];
  const filtered = target.kind === 'event-type' && target.filter ? !(await evaluateCondition(target.filter, subject.ctx, { timeoutMs: 250 }).catch(() => false)) : false;
  if (filtered) decision = 'skip';
  else {
    const state = await findUngroupedState(s.id);
    const last = state?.lastOutcome === 'success' || state?.lastOutcome === 'failure' ? state.lastOutcome : null;
    decision = decide(s.policy as Policy, subject.outcome, last).action;
  }
  const rendered = channelDtos(s.channels, s.owner.email).map((c) =>
    c.kind === 'email'
      ? { channel: c.id, kind: 'email' as const, ...renderEmail(subject.message) }
      : { channel: c.id, kind: 'chat' as const, format: c.format, text: JSON.stringify(renderChat(c.format, subject.message), null, 2), body: renderChat(c.format, subject.message) },
  );
  return { message: subject.message, decision, rendered };
}
