// Claiming is one conditional UPDATE: the database, not Redis, decides whether a job is still
// due. A duplicate, stale or superseded job matches nothing and becomes a no-op.
import { db } from '../db/client';
import { leaseUntil } from './lease';

export type StepJob = { stepRunId: string; runId: string; stepId: string; attempt: number; wake: boolean; tag?: string };

export async function claimStep(job: StepJob): Promise<boolean> {
  const now = new Date();
  if (job.wake) {
    const woke = await db().stepRun.updateMany({
      where: { id: job.stepRunId, status: 'waiting', attempt: job.attempt, wakeAt: { lte: now } },
      data: { status: 'running', leaseUntil: leaseUntil() },
    });
    return woke.count === 1;
  }
  const claimed = await db().stepRun.updateMany({
    where: {
      id: job.stepRunId,
      attempt: job.attempt,
      OR: [
        // queuedAt is not checked: a delayed retry job may fire a few ms before it (clock skew).
        { status: 'queued' },
        // Recovery: the worker holding it died (its lease ran out). Same attempt, same key.
        { status: 'running', leaseUntil: { lt: now } },
      ],
    },
    data: { status: 'running', startedAt: now, leaseUntil: leaseUntil() },
  });
  return claimed.count === 1;
}
