// Worker side of intake: match the event to the live workflows, create their runs and resolve the
// steps waiting for it. Runs, resolved waits and the event's "processed" mark commit together (so
// a crash cannot mark it processed and forget a waiter), and jobs are enqueued only after that commit.
import { matchesTrigger } from '@/engine/workflow/match';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { db, type Tx } from '../db/client';
import type { Event } from '../db/generated/client';
import { publishTrain } from '../live/publish-train';
import { findEventWithLiveRefs, findLiveVersionRefs, loadDefinitions, type LiveRefs } from '../repositories/live-versions';
import { createEventRunsHot, createRun, hotCreatable, type CreatedRun, type HeldStep } from '../runs/create-run';
import { leaseUntil, newLeaseOwner } from '../runs/lease';
import type { RunRow, StepRow } from '../repositories/step-transition';
import { publishRun } from '../runs/publish-run';
import type { Hold } from '../runs/settle-step';
import { createdRunMessages, eventSummaryMessage, publishAndEnqueue } from '../runs/publish-created';
import { events as eventCache, Lru, runKeys, versions as versionCache, type CachedEvent } from '../runs/transition-cache';
import { resolveWaitsInTx, type StepRef } from '../runs/wait-events';
import { wakeResolved } from '../runs/waits';
import { notifyAfterEvent } from '../subscriptions/hooks';
import { publishEventSummaries } from './publish-event';
import { trainsOnEvent } from './trains-on-event';

type Version = { id: string; workflowId: string; definition: unknown; workflowName?: string; version?: number };

/** The live versions whose trigger (source, type, filter) matches the event. */
export async function matchingVersions(event: Event): Promise<Version[]> {
  return (await liveMatches(event)).versions;
}

// Which versions each trigger matched last time: the statement that names the live versions
// sends a definition only for a version not among these (and still cached).
const lastLive = new Lru<string, string[]>(500);

// One statement names the live versions; their (immutable) definitions come from the worker's
// cache, read once per version id.
async function liveMatches(event: Event, known?: LiveRefs): Promise<{ versions: Version[]; registered: boolean; pipelines: boolean }> {
  const key = `${event.sourceKey}\u0000${event.type}`;
  const cached = (lastLive.get(key) ?? []).filter((id) => versionCache.get(id));
  const { refs, registered, pipelines } = known ?? await findLiveVersionRefs(event.sourceKey, event.type, cached);
  for (const r of refs) if (r.definition !== null) versionCache.set(r.versionId, r.definition as WorkflowDefinition);
  lastLive.set(key, refs.map((r) => r.versionId));
  // Evicted between the two look-ups (rare): read them.
  const missing = refs.filter((r) => !versionCache.get(r.versionId)).map((r) => r.versionId);
  for (const [id, def] of await loadDefinitions(missing)) versionCache.set(id, def as WorkflowDefinition);
  const matched: Version[] = [];
  for (const ref of refs) {
    const def = versionCache.get(ref.versionId);
    if (!def) continue; // deleted with its workflow between the two reads
    try {
      const headers = event.headers as Record<string, string>;
      if (await matchesTrigger(def, { source: event.sourceKey, type: event.type, payload: event.payload, headers })) {
        matched.push({ id: ref.versionId, workflowId: ref.workflowId, definition: def, workflowName: ref.workflowName, version: ref.version });
      }
    } catch (err) {
      // A filter that errors is a workflow bug, not a reason to lose the event for other workflows.
      console.warn(`[engine] filter of workflow "${ref.workflowName}" v${ref.version} failed: ${(err as Error).message}`);
    }
  }
  return { versions: matched, registered, pipelines };
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
    /** Resolve the waits the event satisfies, committed with the claim; the steps to wake after
     *  the commit come back in `woken`. */
    waits?: { woken: StepRef[] };
    /** Whether the event's type is registered (its live summary), when the caller knows. */
    registered?: boolean;
    /** Hands back one first step instead of enqueuing it (the event job runs it inline). */
    hold?: Hold;
  },
) {
  // The hot path claims only when no step waits for this kind of event, so it resolves none. For
  // a holder it also claims the step the holder will run (one statement fewer, runs/create-run.ts).
  const lease = extra.hold ? { owner: newLeaseOwner(), until: leaseUntil() } : undefined;
  const hot = extra.claim && !extra.audit && hotCreatable(event, versions)
    ? await createEventRunsHot(event, versions, lease) : 'general';
  if (hot === 'taken') return null;
  if (hot !== 'general' && hot.held && extra.hold) holdClaimed(extra.hold, hot.held, hot.runs, versions, event, lease!);
  const created = hot !== 'general' ? hot.runs : await db().$transaction(async (tx) => {
    if (extra.claim) {
      const claimed = await tx.event.updateMany({ where: { id: event.id, processedAt: null }, data: { processedAt: new Date() } });
      if (claimed.count === 0) return null; // another worker got here first
    }
    const runs = [];
    for (const version of versions) runs.push(await createRun(tx, { version, event, reason: extra.reason, startedBy: extra.startedBy }));
    await extra.audit?.(tx, runs.map((r) => r.runId));
    if (extra.waits) extra.waits.woken = await resolveWaitsInTx(tx, event);
    return runs;
  });
  if (!created) return null;
  const cancelled = created.flatMap((r) => r.cancelled);
  if (cancelled.length) await Promise.all(cancelled.map((id) => publishRun(id)));
  // A train's station lists its runs: an open train page learns of a new one from this message.
  if (event.trainId && created.length) await publishTrain(event.trainId);
  // The new runs' messages are built from the rows just written; versions without their name
  // (callers other than matchingVersions) are read back as before.
  const made = created.map((r, i) => ({ r, v: versions[i] }));
  const known = made.flatMap(({ r, v }) => (v.workflowName !== undefined && v.version !== undefined
    ? [{ row: r.row, definition: v.definition as WorkflowDefinition, workflowName: v.workflowName, version: v.version }] : []));
  await Promise.all(made.filter(({ v }) => v.workflowName === undefined || v.version === undefined).map(({ r }) => publishRun(r.runId)));
  const messages = known.flatMap((c) => createdRunMessages(c, event));
  // The first processing of an event (the claim) created all of its runs; otherwise read them back.
  const summaryBuilt = extra.claim && extra.registered !== undefined && known.length === created.length;
  if (summaryBuilt) messages.push(eventSummaryMessage(event, extra.registered!, known));
  else await publishEventSummaries([event.id]);
  // The first claim of these steps needs neither the version nor the event read again.
  for (const c of known) runKeys.set(c.row.id, { versionId: c.row.workflowVersionId, eventId: event.id });
  if (created.length) eventCache.set(event.id, toCachedEvent(event));
  // Published before the first step can start (same connection, sent first), jobs after commit.
  await publishAndEnqueue(messages, created.flatMap((r) => r.queued), extra.hold);
  return created.map((r) => r.runId);
}

/** The step created claimed for the holder, as a claim would have returned it (claim-step.ts). */
function holdClaimed(hold: Hold, held: HeldStep, runs: CreatedRun[], versions: Version[], event: Event, lease: { owner: string; until: Date }) {
  const { row } = runs[held.runIndex];
  const v = versions[held.runIndex];
  const st = held.step;
  const step: StepRow = {
    id: st.id, stepId: st.stepId, action: st.action, status: st.status, attempt: st.attempt, inputs: st.inputs, outputs: st.outputs, error: st.error,
    logCount: 0, queuedAt: st.queuedAt, startedAt: st.startedAt, finishedAt: st.finishedAt, wakeAt: st.wakeAt, waitFor: st.waitFor,
  };
  const run: RunRow = {
    id: row.id, number: row.number, status: row.status, workflowVersionId: row.workflowVersionId, eventId: row.eventId, vars: (row.vars ?? {}) as Record<string, unknown>,
    error: row.error, reason: row.reason, previousRunId: row.previousRunId, concurrencyKey: row.concurrencyKey, trainId: row.trainId,
    createdAt: row.createdAt, startedAt: row.startedAt, finishedAt: row.finishedAt, workflowId: v.workflowId, workflowName: held.grants.name, version: v.version ?? 0,
  };
  const { name, shellAllowed, secretGrants, publisherRole } = held.grants;
  hold.claimed = {
    step, run, steps: Object.fromEntries(row.steps.map((s) => [s.stepId, { status: s.status, outputs: s.outputs }])),
    workflow: { name, shellAllowed, secretGrants, publisherRole },
    definition: v.definition as WorkflowDefinition, event: toCachedEvent(event), fence: { stepRunId: st.id, attempt: st.attempt, owner: lease.owner }, until: lease.until,
  };
  hold.job = { stepRunId: st.id, runId: row.id, stepId: st.stepId, attempt: st.attempt };
}

const toCachedEvent = (e: Event): CachedEvent => ({
  id: e.id, sourceKey: e.sourceKey, type: e.type, payload: e.payload, headers: (e.headers ?? {}) as Record<string, string>, receivedAt: e.receivedAt,
});

/** With `hold`, one first step comes back in it, not enqueued: the caller runs it (worker/processors/event-process.ts). */
export async function processEvent(eventId: string, opts: { hold?: Hold } = {}): Promise<{ runIds: string[] }> {
  // One statement: the row, and the live versions of its trigger (definitions only for versions
  // this worker has not cached).
  const found = await findEventWithLiveRefs(eventId, versionCache.keys());
  if (!found || found.event.processedAt) return { runIds: [] };
  const { event } = found;
  const { versions, registered, pipelines } = await liveMatches(event, found);
  // Before the claim: a crash after it would forget the train; each of its effects is idempotent.
  if (pipelines) await trainsOnEvent(event).catch((err) => console.warn(`[trains] event ${event.id}: ${(err as Error).message}`));
  const waits = { woken: [] as StepRef[] };
  const runIds = await startRuns(event, versions, { reason: 'event', claim: true, waits, registered, hold: opts.hold });
  if (runIds === null) return { runIds: [] };
  await wakeResolved(waits.woken);
  // Subscriptions (issue 12): one indexed probe when nobody listens. Never rejects; a held first
  // step does not wait for it.
  const notified = notifyAfterEvent(event);
  if (opts.hold?.job) opts.hold.after!.push(notified);
  else await notified;
  return { runIds };
}
