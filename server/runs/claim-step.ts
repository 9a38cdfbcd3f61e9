// Claiming is one conditional UPDATE: the database, not Redis, decides whether a job is still
// due. A duplicate, stale or superseded job matches nothing and becomes a no-op. The claim writes
// a fresh lease owner; every later write of this attempt is fenced on it (lease.ts).
import { db } from '../db/client';
import { leaseUntil, newLeaseOwner, type Fence } from './lease';

export type StepJob = { stepRunId: string; runId: string; stepId: string; attempt: number; wake: boolean; tag?: string };

export async function claimStep(job: StepJob, owner: string = newLeaseOwner()): Promise<Fence | null> {
  const now = new Date();
  const fence = { stepRunId: job.stepRunId, attempt: job.attempt, owner };
  if (job.wake) {
    const woke = await db().stepRun.updateMany({
      where: { id: job.stepRunId, status: 'waiting', attempt: job.attempt, wakeAt: { lte: now } },
      data: { status: 'running', leaseUntil: leaseUntil(), leaseOwner: owner },
    });
    return woke.count === 1 ? fence : null;
  }
  const claimed = await db().stepRun.updateMany({
    where: {
      id: job.stepRunId,
      attempt: job.attempt,
      OR: [
        // queuedAt is not checked: a delayed retry job may fire a few ms before it (clock skew).
        { status: 'queued' },
        // Recovery: the worker holding it died (its lease ran out). Same attempt, same key; the
        // new owner fences the old one out if it was only paused.
        { status: 'running', leaseUntil: { lt: now } },
      ],
    },
    data: { status: 'running', startedAt: now, leaseUntil: leaseUntil(), leaseOwner: owner },
  });
  return claimed.count === 1 ? fence : null;
}
