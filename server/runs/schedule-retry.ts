import type { WorkflowStep } from '@/engine/workflow/schema';
import { db } from '../db/client';
import { enqueueSafely } from '../queue/enqueue';
import { heldBy, type Fence } from './lease';
import { publishRun } from './publish-run';

/** Delay before attempt `attempt + 1`: fixed, or doubling from the step's delayMs. */
export function backoffMs(retry: NonNullable<WorkflowStep['retry']>, attempt: number): number {
  return retry.backoff === 'exponential' ? retry.delayMs * 2 ** (attempt - 1) : retry.delayMs;
}

/**
 * Queues the next attempt: the step goes back to `queued` with a new attempt number (hence a new
 * deterministic job id) and a queuedAt in the future, so the reconciler respects the backoff.
 * Fenced: false (nothing written) when the step is no longer held under `fence`.
 */
export async function scheduleRetry(
  fence: Fence,
  job: { runId: string; stepId: string },
  delayMs: number,
  error: string,
): Promise<boolean> {
  const stepRunId = fence.stepRunId;
  const next = fence.attempt + 1;
  const { count } = await db().stepRun.updateMany({
    where: heldBy(fence),
    data: { status: 'queued', attempt: next, error, queuedAt: new Date(Date.now() + delayMs), leaseUntil: null, leaseOwner: null },
  });
  if (count === 0) return false;
  await enqueueSafely('step.run', [{ stepRunId, runId: job.runId, stepId: job.stepId, attempt: next }], { delayMs });
  await publishRun(job.runId, [job.stepId]);
  return true;
}
