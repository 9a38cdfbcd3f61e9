// Prisma rows → API DTOs (engine/dto). Nothing else is sent to a browser.
import type { EventDetail, EventSummary, RunRef } from '@/engine/dto/events';
import type { RunStatus } from '@/engine/run/status';
import type { EventWithRuns } from '../repositories/events';

type RunRow = EventWithRuns['runs'][number];

export const toRunRef = (r: RunRow): RunRef => ({
  id: r.id,
  number: r.number,
  workflow: r.workflowVersion.workflow.name,
  version: r.workflowVersion.version,
  status: r.status as RunStatus,
});

export const toEventSummary = (e: EventWithRuns, registered: boolean): EventSummary => ({
  id: e.id,
  source: e.sourceKey,
  type: e.type,
  deliveryId: e.deliveryId,
  receivedAt: e.receivedAt.toISOString(),
  registered,
  runs: e.runs.map(toRunRef),
});

export const toEventDetail = (e: EventWithRuns, registered: boolean): EventDetail => ({
  ...toEventSummary(e, registered),
  payload: e.payload,
  body: e.body,
  headers: e.headers as Record<string, string>,
  processedAt: e.processedAt?.toISOString() ?? null,
  parentRunId: e.parentRunId,
});
