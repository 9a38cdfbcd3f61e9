// Railyard's own train events (railyard / train.departed, train.station-reached, train.arrived,
// train.derailed). Inserted in the transaction that makes the change, with trainId set, then
// enqueued after commit like every event (the reconciler re-enqueues one whose job was lost).
import type { PipelineDefinition } from '@/engine/trains/pipeline-schema';
import type { Tx } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { enqueueSafely } from '../queue/enqueue';
import { describeOwnEventType } from '../repositories/event-types';
import { insertEvent } from '../repositories/events';
import { INTERNAL_SOURCE } from '../use-cases/emit-event';
import { publishEventSummaries } from '../use-cases/publish-event';

export type TrainEventType = 'train.departed' | 'train.station-reached' | 'train.arrived' | 'train.derailed';

/** What each event says, for the registry and the living documentation. */
const DESCRIPTIONS: Record<TrainEventType, string> = {
  'train.departed': 'A release train left with its frozen manifest: payload.train (number, kind, version, baseRef, features, commits) and payload.pipeline (key, repository, version scheme). Start the first station\'s work here, e.g. cut the release branch.',
  'train.station-reached': 'A train reached a station: payload.station.key names it. Start the next station\'s work here, e.g. deploy what the last one built.',
  'train.arrived': 'A train reached its last station: the release is out. Close the tickets of payload.train.features, announce it.',
  'train.derailed': 'A train was stopped: payload.reason says why and payload.station where. Its features are ready again for the next train; its runs were cancelled.',
};

export type TrainFacts = {
  id: string;
  number: number;
  kind: string;
  version: string;
  baseRef: string | null;
  pipeline: string;
  features: unknown[];
  commits?: string[];
};

/** The payload workflows read: `event.payload.train.version`, `event.payload.pipeline.repository.url`… */
export function trainPayload(train: TrainFacts, def: PipelineDefinition, extra: Record<string, unknown> = {}) {
  return {
    train: { ...train, commits: train.commits ?? [] },
    pipeline: { key: def.key, name: def.name, repository: def.repository, version: def.version, features: def.features },
    ...extra,
  };
}

/**
 * `unique` makes the delivery id: a station is reached once, so its event exists once even if
 * the fact that reached it is delivered again.
 */
export async function insertTrainEvent(tx: Tx, trainId: string, type: TrainEventType, unique: string, payload: unknown): Promise<string> {
  await describeOwnEventType(tx, { sourceKey: INTERNAL_SOURCE, type, description: DESCRIPTIONS[type], samplePayload: payload });
  const body = JSON.stringify(payload);
  const event = await insertEvent(tx, {
    sourceKey: INTERNAL_SOURCE, type, payload: payload as Prisma.InputJsonValue, body, headers: {},
    deliveryId: `train.${trainId}.${unique}`, trainId,
  });
  return event.id;
}

/** After commit: hand the events to the worker and show them live. */
export async function afterTrainEvents(eventIds: string[]): Promise<void> {
  if (eventIds.length === 0) return;
  await enqueueSafely('event.process', eventIds.map((eventId) => ({ eventId })));
  await publishEventSummaries(eventIds);
}
