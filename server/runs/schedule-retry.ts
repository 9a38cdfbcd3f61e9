import type { WorkflowStep } from '@/engine/workflow/schema';
import { db } from '../db/client';
import { enqueueSafely } from '../queue/enqueue';
import { publishRun } from './publish-run';

/** Delay before attempt `attempt + 1`: fixed, or doubling from the step's delayMs. */
export function backoffMs(retry: NonNullable<WorkflowStep['retry']>, attempt: number): number {
  return retry.backoff === 'exponential' ? retry.delayMs * 2 ** (attempt - 1) : retry.delayMs;
}

/**
 * Queues the next attempt: the step goes back to `queued` with a new attempt number (hence a new
 * deterministic job id) and a queuedAt in the future, so the reconciler respects the backoff.
 */
export async function scheduleRetry(
  stepRunId: string,
  job: { runId: string; stepId: string; attempt: number },
  delayMs: number,
  error: string,
): Promise<void> {
  const next = job.attempt + 1;
  await db().stepRun.update({
    where: { id: stepRunId },
    data: { status: 'queued', attempt: next, error, queuedAt: new Date(Date.now() + delayMs), leaseUntil: null },
  });
  await enqueueSafely('step.run', [{ stepRunId, runId: job.runId, stepId: job.stepId, attempt: next }], { delayMs });
  await publishRun(job.runId, [job.stepId]);
}
