// The one place a step reaches an end state. Under the run's row lock it records the step, merges
// variables, queues the steps that became ready, skips the ones that can never run, and derives
// the run's status. Jobs for newly queued steps are enqueued after the commit. A worker settles
// under its fence (lease.ts): if the step is no longer its own, nothing is written.
import { blockedSteps, readySteps } from '@/engine/workflow/dag';
import { deriveRunStatus, isTerminalRun, type StepStatus } from '@/engine/run/status';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { enqueueSafely } from '../queue/enqueue';
import { lockRun } from '../repositories/runs';
import { publishRun } from './publish-run';
import { definitionOf } from './context';
import { heldBy, type Fence } from './lease';
import { startNextInLine } from './next-in-line';
import { advanceTrainByRun } from '../use-cases/advance-train';

export type Settlement = {
  status: 'succeeded' | 'failed' | 'skipped' | 'cancelled';
  outputs?: unknown;
  vars?: Record<string, unknown>;
  error?: string;
};

/** Returns false (and writes nothing) when `fence` is given and no longer matches the step. */
export async function settleStep(stepRunId: string, runId: string, s: Settlement, fence?: Fence): Promise<boolean> {
  const now = new Date();
  const settled = await db().$transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    const def = definitionOf(run);
    const self = run.steps.find((st) => st.id === stepRunId)!;
    const { count } = await tx.stepRun.updateMany({
      where: fence ? heldBy(fence) : { id: stepRunId },
      data: {
        status: s.status,
        outputs: (s.outputs ?? undefined) as Prisma.InputJsonValue | undefined,
        error: s.error ?? null,
        finishedAt: now,
        leaseUntil: null,
      },
    });
    if (count === 0) return null;
    const statuses: Record<string, StepStatus> = Object.fromEntries(run.steps.map((st) => [st.stepId, st.status as StepStatus]));
    statuses[self.stepId] = s.status;

    const ready = run.status === 'cancelled' ? [] : readySteps(def, statuses);
    const blocked = blockedSteps(def, statuses);
    const rows = new Map(run.steps.map((st) => [st.stepId, st]));
    for (const id of ready) {
      await tx.stepRun.update({ where: { id: rows.get(id)!.id }, data: { status: 'queued', attempt: 1, queuedAt: now } });
      statuses[id] = 'queued';
    }
    if (blocked.length > 0) {
      await tx.stepRun.updateMany({
        where: { runId, stepId: { in: blocked }, status: 'pending' },
        data: { status: 'skipped', finishedAt: now },
      });
      for (const id of blocked) statuses[id] = 'skipped';
    }

    const status = run.status === 'cancelled' ? 'cancelled' : deriveRunStatus(Object.values(statuses));
    const error = s.status === 'failed' ? `step "${self.stepId}" failed: ${s.error ?? 'unknown error'}` : undefined;
    await tx.run.update({
      where: { id: runId },
      data: {
        status,
        vars: s.vars ? { ...(run.vars as object), ...s.vars } as Prisma.InputJsonValue : undefined,
        error: run.error ?? error,
        finishedAt: isTerminalRun(status) ? now : undefined,
      },
    });
    const next = isTerminalRun(status)
      ? await startNextInLine(tx, { workflowId: run.workflowVersion.workflowId, key: run.concurrencyKey })
      : [];
    return {
      queued: [...ready.map((id) => ({ stepRunId: rows.get(id)!.id, runId, stepId: id, attempt: 1 })), ...next],
      changed: [self.stepId, ...ready, ...blocked],
      runFinished: isTerminalRun(status),
      nextRunId: next[0]?.runId,
      trainId: run.trainId,
    };
  });
  if (!settled) return false;
  const { queued, changed, runFinished, nextRunId, trainId } = settled;

  // Publish before enqueueing: once a successor can start, its "running" must not overtake this
  // step's "succeeded" on the live stream (browsers apply messages in stream order).
  await publishRun(runId, changed, { withEvent: runFinished });
  if (nextRunId) await publishRun(nextRunId);
  await enqueueSafely('step.run', queued);
  // Off the hot path unless the run works for a release train.
  if (runFinished && trainId) await advanceTrainByRun(runId).catch((err) => console.warn(`[trains] train ${trainId} not advanced by run ${runId}: ${(err as Error).message}`));
  return true;
}
