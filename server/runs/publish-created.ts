// The event path's after-commit step: the live messages of the runs it just created, built from
// the rows its transaction wrote (no reload), and the first steps' jobs, sent together. Both are
// issued before either answer is awaited, on the one shared connection: Redis applies them in
// the order sent, so the stream shows a run before any worker can start its steps, at the cost of
// one round trip instead of a publish round trip followed by an enqueue round trip.
import type { LiveMessage } from '@/engine/dto/live';
import { toLiveStep } from '@/engine/live/shape-messages';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { Event, Run, StepRun } from '../db/generated/client';
import { toRunSummary, toStepRunDto } from '../dto/map-runs';
import { env } from '../env';
import { publishLive } from '../live/stream';
import { enqueueSafely } from '../queue/enqueue';
import type { QueuedStep } from './create-run';
import type { Hold } from './settle-step';

export type CreatedRun = { row: Run & { steps: StepRun[] }; definition: WorkflowDefinition; workflowName: string; version: number };

/** The same messages publishRun sends for a new run (all its steps, then its summary). */
export function createdRunMessages(c: CreatedRun, event: Event): LiveMessage[] {
  const max = env().RAILYARD_LIVE_MESSAGE_MAX_BYTES;
  const withContext = { ...c.row, workflowVersion: { version: c.version, workflow: { name: c.workflowName } }, event };
  return [
    ...c.row.steps.map((s) => ({ kind: 'step' as const, runId: c.row.id, step: toLiveStep(toStepRunDto(s, c.definition), max) })),
    { kind: 'run' as const, run: toRunSummary(withContext as Parameters<typeof toRunSummary>[0]) },
  ];
}

/** The event's summary with these runs, as publishEventSummaries would read it back. */
export function eventSummaryMessage(event: Event, registered: boolean, runs: CreatedRun[]): LiveMessage {
  return {
    kind: 'event',
    event: {
      id: event.id, source: event.sourceKey, type: event.type, deliveryId: event.deliveryId, receivedAt: event.receivedAt.toISOString(), registered,
      runs: [...runs].sort((a, b) => a.row.number - b.row.number)
        .map((r) => ({ id: r.row.id, number: r.row.number, workflow: r.workflowName, version: r.version, status: r.row.status as never })),
    },
  };
}

/**
 * Live messages first, then the jobs; both best effort (the reconciler re-enqueues lost jobs).
 * With `hold`, the first job is handed back instead of enqueued: the caller runs that step itself.
 */
export async function publishAndEnqueue(messages: LiveMessage[], jobs: QueuedStep[], hold?: Hold): Promise<void> {
  const live = publishLive(...messages);
  if (hold?.claimed) {
    // The held step was created claimed (its "running" is among these messages): every other job
    // goes out, and the held step does not wait for Redis (its lease is already running).
    (hold.after ??= []).push(live, enqueueSafely('step.run', jobs));
    return;
  }
  if (hold && jobs.length) {
    // The held step's own messages follow these on the same connection: no need to wait for them.
    hold.job = jobs[0];
    (hold.after ??= []).push(live);
    await enqueueSafely('step.run', jobs.slice(1));
    return;
  }
  await Promise.all([live, enqueueSafely('step.run', jobs)]);
}
