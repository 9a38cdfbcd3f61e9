// Claiming is one conditional UPDATE: the database, not Redis, decides whether a job is still
// due. A duplicate, stale or superseded job matches nothing and becomes a no-op. The claim writes
// a fresh lease owner; every later write of this attempt is fenced on it (lease.ts).
// The same statement marks the run running and returns what the step needs (its row, the run, the
// workflow's grants, the steps' outputs); the immutable workflow version and event come from the
// worker's cache (transition-cache.ts), read in that statement only when not cached yet.
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { claimStepRow, loadVersionAndEvent, renewLeaseRow, type ClaimRow } from '../repositories/step-transition';
import { leaseMs, leaseUntil, newLeaseOwner, type Fence } from './lease';
import { claimNeeds, events, runKeys, versions, type CachedEvent } from './transition-cache';

export type StepJob = { stepRunId: string; runId: string; stepId: string; attempt: number; wake: boolean; tag?: string };

/** `until`: when the lease taken by a claim made ahead of its job (a settle's or a run creation's) runs out. */
export type Claimed = Omit<ClaimRow, 'definition' | 'event'> & { fence: Fence; definition: WorkflowDefinition; event: CachedEvent; until?: Date };

export async function claimStep(job: StepJob, owner: string = newLeaseOwner()): Promise<Fence | null> {
  return (await claimStepWithContext(job, owner))?.fence ?? null;
}

export async function claimStepWithContext(job: StepJob, owner: string = newLeaseOwner()): Promise<Claimed | null> {
  // queuedAt is not checked: a delayed retry job may fire a few ms before it (clock skew).
  // Recovery: a running step whose lease ran out (its worker died) is claimed again with the same
  // attempt, so the same idempotency key; the new owner fences the old one out if it was only paused.
  const row = await claimStepRow(job, { owner, until: leaseUntil(), now: new Date() }, claimNeeds(job.runId));
  if (!row) return null;
  const fence = { stepRunId: job.stepRunId, attempt: job.attempt, owner };
  const { definition, event } = await cached(row);
  const { definition: _d, event: _e, ...rest } = row;
  return { ...rest, fence, definition, event };
}

/**
 * A step claimed ahead of its job (by a settle or a run's creation) starts at once, normally
 * milliseconds after its claim. Should something have held the job up for a third of the lease
 * (Redis away, say), the lease is renewed first, fenced, and the run's status read with it: a
 * step that another worker took over is not run here, and one whose run was cancelled meanwhile
 * is settled cancelled, as a fresh claim would find it.
 */
export async function stillHeld(c: Claimed): Promise<Claimed | null> {
  if (!c.until || c.until.getTime() - Date.now() > (leaseMs() * 2) / 3) return c;
  const renewed = await renewLeaseRow(c.fence, c.run.id, leaseUntil());
  if (!renewed.held) return null;
  return renewed.runStatus === 'cancelled' ? { ...c, run: { ...c.run, status: 'cancelled' } } : c;
}

/** The run's version and event from the cache, filled from the claim (or, rarely, one more read). */
export async function cached(row: { run: { id: string; workflowVersionId: string; eventId: string }; definition?: unknown; event?: ClaimRow['event'] }) {
  const { run } = row;
  runKeys.set(run.id, { versionId: run.workflowVersionId, eventId: run.eventId });
  if (row.definition !== undefined) versions.set(run.workflowVersionId, row.definition as WorkflowDefinition);
  if (row.event) events.set(run.eventId, toCached(row.event));
  let definition = versions.get(run.workflowVersionId);
  let event = events.get(run.eventId);
  if (!definition || !event) {
    // Evicted between the claim's look-up and now: read them.
    const loaded = await loadVersionAndEvent(run.workflowVersionId, event ? null : run.eventId);
    definition ??= loaded.definition as WorkflowDefinition;
    versions.set(run.workflowVersionId, definition);
    if (!event && loaded.event) events.set(run.eventId, (event = toCached(loaded.event)));
  }
  return { definition, event: event! };
}

const toCached = (e: NonNullable<ClaimRow['event']>): CachedEvent => ({
  id: e.id, sourceKey: e.sourceKey, type: e.type, payload: e.payload, headers: (e.headers ?? {}) as Record<string, string>, receivedAt: e.receivedAt,
});
