// Worker side of intake: match the event to the live workflows, create their runs and resolve the
// steps waiting for it. Runs, resolved waits and the event's "processed" mark commit together (so
// a crash cannot mark it processed and forget a waiter), and jobs are enqueued only after that commit.
import { matchesTrigger } from '@/engine/workflow/match';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { db, type Tx } from '../db/client';
import type { Event } from '../db/generated/client';
import { enqueueSafely } from '../queue/enqueue';
import { publishTrain } from '../live/publish-train';
import { findEventRow } from '../repositories/events';
import { findLiveVersions } from '../repositories/workflows';
import { createRun } from '../runs/create-run';
import { publishRun } from '../runs/publish-run';
import { resolveWaitsInTx, type StepRef } from '../runs/wait-events';
import { wakeResolved } from '../runs/waits';
import { notifyAfterEvent } from '../subscriptions/hooks';
import { publishEventSummaries } from './publish-event';
import { trainsOnEvent } from './trains-on-event';

type Version = { id: string; workflowId: string; definition: unknown };

/** The live versions whose trigger (source, type, filter) matches the event. */
export async function matchingVersions(event: Event): Promise<Version[]> {
  const matched: Version[] = [];
  for (const { workflow, version } of await findLiveVersions(event.sourceKey, event.type)) {
    const def = version.definition as unknown as WorkflowDefinition;
    try {
      const headers = event.headers as Record<string, string>;
      if (await matchesTrigger(def, { source: event.sourceKey, type: event.type, payload: event.payload, headers })) {
        matched.push({ id: version.id, workflowId: workflow.id, definition: def });
      }
    } catch (err) {
      // A filter that errors is a workflow bug, not a reason to lose the event for other workflows.
      console.warn(`[engine] filter of workflow "${workflow.name}" v${version.version} failed: ${(err as Error).message}`);
    }
  }
  return matched;
}

/** Creates runs for (event, versions) in one transaction, then enqueues and publishes. */
export async function startRuns(
  event: Event,
  versions: Version[],
  // `audit` writes the caller's audit entry in the same transaction as the runs (replay).
  extra: {
    reason: 'event' | 'replay';
    claim: boolean;
    startedBy?: string;
    audit?: (tx: Tx, runIds: string[]) => Promise<unknown>;
    /** More writes that must commit with the claim (resolving the waits the event satisfies). */
    alsoInTx?: (tx: Tx) => Promise<unknown>;
  },
) {
  const created = await db().$transaction(async (tx) => {
    if (extra.claim) {
      const claimed = await tx.event.updateMany({ where: { id: event.id, processedAt: null }, data: { processedAt: new Date() } });
      if (claimed.count === 0) return null; // another worker got here first
    }
    const runs = [];
    for (const version of versions) runs.push(await createRun(tx, { version, event, reason: extra.reason, startedBy: extra.startedBy }));
    await extra.audit?.(tx, runs.map((r) => r.runId));
    await extra.alsoInTx?.(tx);
    return runs;
  });
  if (!created) return null;
  // Published before the first step can start, so the stream shows the run before its steps move.
  await Promise.all([...created.map((r) => publishRun(r.runId)), ...created.flatMap((r) => r.cancelled.map((id) => publishRun(id)))]);
  // A train's station lists its runs: an open train page learns of a new one from this message.
  if (event.trainId && created.length) await publishTrain(event.trainId);
  await publishEventSummaries([event.id]);
  await enqueueSafely('step.run', created.flatMap((r) => r.queued));
  return created.map((r) => r.runId);
}

export async function processEvent(eventId: string): Promise<{ runIds: string[] }> {
  const event = await findEventRow(eventId);
  if (!event || event.processedAt) return { runIds: [] };
  // Before the claim: a crash after it would forget the train; each of its effects is idempotent.
  await trainsOnEvent(event).catch((err) => console.warn(`[trains] event ${event.id}: ${(err as Error).message}`));
  const versions = await matchingVersions(event);
  let woken: StepRef[] = [];
  const alsoInTx = async (tx: Tx) => {
    woken = await resolveWaitsInTx(tx, event);
  };
  const runIds = await startRuns(event, versions, { reason: 'event', claim: true, alsoInTx });
  if (runIds === null) return { runIds: [] };
  await wakeResolved(woken);
  // Subscriptions (issue 12): one indexed probe when nobody listens.
  await notifyAfterEvent(event);
  return { runIds };
}
