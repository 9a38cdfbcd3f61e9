// Graceful shutdown: a step this worker will not finish goes back to `queued` with the SAME
// attempt (so the same idempotency key) and no lease, and gets a job at once, so another worker
// takes it now rather than after the lease would have expired. A step woken from a wait goes back
// to `waiting`, due now, so its resolution is kept and the next worker resumes it.
import { db } from '../db/client';
import { enqueueSafely } from '../queue/enqueue';
import { heldBy, type Fence } from './lease';
import { publishRun } from './publish-run';

export async function releaseStep(fence: Fence, job: { runId: string; stepId: string; wake: boolean }): Promise<boolean> {
  const now = new Date();
  const { count } = await db().stepRun.updateMany({
    where: heldBy(fence),
    data: job.wake
      ? { status: 'waiting', wakeAt: now, leaseUntil: null, leaseOwner: null }
      : { status: 'queued', queuedAt: now, leaseUntil: null, leaseOwner: null },
  });
  if (count === 0) return false;
  // The original job id is still held by the job being shut down: the tag gives this one its own.
  const payload = { stepRunId: fence.stepRunId, runId: job.runId, stepId: job.stepId, attempt: fence.attempt, wake: job.wake };
  await enqueueSafely('step.run', [{ ...payload, tag: `released-${now.getTime()}` }]);
  await publishRun(job.runId, [job.stepId]);
  return true;
}
