// What a notification is about, read from the database: a finished run, a train event or any
// other event. Each subject carries its message (built from stored facts, never a raw payload),
// its outcome, the unique subject key of its deliveries and the context filters/groupBy read.
import type { TemplateContext } from '@/engine/params/template';
import { eventMessage, runMessage, trainMessage, type NotificationMessage } from '@/engine/subscriptions/message';
import { runOutcome, trainOutcome, type Outcome } from '@/engine/subscriptions/policy';
import type { Event } from '../db/generated/client';
import { env } from '../env';
import { findRunForNotification } from '../repositories/runs';
import { findTrainPipelineKey, findTrainWithPipeline } from '../repositories/trains';
import { findUserName } from '../repositories/users';

export type Subject = {
  subjectKey: string;
  outcome: Outcome;
  message: NotificationMessage;
  ctx: TemplateContext;
  /** When it happened (a run's end, an event's arrival): orders outcomes for `changes`. */
  at: Date;
  /** Secrets granted to the run's workflow: the worker redacts the message with their values. */
  secretGrants: string[];
};

export const publicBaseUrl = (): string | null => env().RAILYARD_PUBLIC_URL ?? env().NEXTAUTH_URL ?? null;

/** "Ada Lovelace" for a user id, the token's name for "token:<name>", else the key as it is. */
async function personName(key: string | null | undefined): Promise<string | null> {
  if (!key) return null;
  if (key.startsWith('token:')) return `token ${key.slice(6)}`;
  return (await findUserName(key)) ?? key;
}

const eventCtx = (e: Event) => ({ id: e.id, source: e.sourceKey, type: e.type, payload: e.payload, headers: (e.headers ?? {}) as Record<string, string>, receivedAt: e.receivedAt.toISOString() });

export const isTrainEvent = (e: Pick<Event, 'sourceKey' | 'type' | 'trainId'>) => e.sourceKey === 'railyard' && !!e.trainId && e.type.startsWith('train.');

/** The pipeline key of a train event, from the train row (the payload is not trusted for it). */
export async function trainPipelineKey(e: Event): Promise<string | null> {
  if (!isTrainEvent(e)) return null;
  return findTrainPipelineKey(e.trainId!);
}

export async function eventSubject(e: Event, opts: { asTrain: boolean }): Promise<Subject | null> {
  const base = publicBaseUrl();
  const ctx = { event: eventCtx(e) };
  if (opts.asTrain && isTrainEvent(e)) {
    const t = await findTrainWithPipeline(e.trainId!);
    if (!t) return null;
    const payload = (e.payload ?? {}) as { station?: unknown; reason?: unknown };
    const st = payload.station;
    const station = typeof st === 'string' ? st : st && typeof st === 'object' && 'name' in st ? String((st as { name: unknown }).name) : null;
    const outcome = trainOutcome(e.type);
    const startedBy = await personName(e.type === 'train.derailed' ? (t.derailedBy ?? t.startedBy) : t.startedBy);
    const message = trainMessage(
      { type: e.type, train: { id: t.id, number: t.number, version: t.version, kind: t.kind }, pipeline: t.pipeline, station, startedBy, reason: e.type === 'train.derailed' ? t.derailReason : null },
      outcome,
      base,
    );
    return { subjectKey: `event:${e.id}`, outcome, message, ctx, at: e.receivedAt, secretGrants: [] };
  }
  const outcome: Outcome = isTrainEvent(e) ? trainOutcome(e.type) : 'neutral';
  const message = eventMessage({ id: e.id, source: e.sourceKey, type: e.type, receivedAt: e.receivedAt.toISOString(), deliveryId: e.deliveryId }, outcome, base);
  return { subjectKey: `event:${e.id}`, outcome, message, ctx, at: e.receivedAt, secretGrants: [] };
}

export async function runSubject(runId: string): Promise<(Subject & { workflow: string }) | null> {
  const found = await findRunForNotification(runId);
  if (!found) return null;
  const { run, train } = found;
  const outcome = runOutcome(run.status);
  const wf = run.workflowVersion.workflow;
  const message = runMessage(
    {
      id: run.id, number: run.number, status: run.status, error: run.error, workflow: wf.name, version: run.workflowVersion.version,
      event: { source: run.event.sourceKey, type: run.event.type },
      train: train && { id: train.id, number: train.number, version: train.version, pipeline: train.pipeline.key },
      startedBy: await personName(run.startedBy),
    },
    outcome,
    publicBaseUrl(),
  );
  const ctx = { event: eventCtx(run.event), run: { id: run.id, number: run.number, status: run.status, workflow: wf.name, version: run.workflowVersion.version } };
  return { subjectKey: `run:${run.id}`, outcome, message, ctx, at: run.finishedAt ?? new Date(), secretGrants: wf.secretGrants, workflow: wf.name };
}
