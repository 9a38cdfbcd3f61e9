// `concurrency.onConflict: queue`: when a run with a key finishes, the oldest run waiting for that
// key starts. Called inside the finishing transaction, under the key's advisory lock.
import { readySteps } from '@/engine/workflow/dag';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { Tx } from '../db/client';
import { lockConcurrencyKey, type QueuedStep } from './create-run';

export async function startNextInLine(tx: Tx, finished: { workflowId: string; key: string | null }): Promise<QueuedStep[]> {
  if (!finished.key) return [];
  await lockConcurrencyKey(tx, finished.workflowId, finished.key);
  // Active = started: running, or queued with a step already due (just started by this function).
  const stillActive = await tx.run.count({
    where: {
      concurrencyKey: finished.key,
      status: { in: ['queued', 'running'] },
      workflowVersion: { workflowId: finished.workflowId },
      steps: { some: { status: { not: 'pending' } } },
    },
  });
  if (stillActive > 0) return [];
  const next = await tx.run.findFirst({
    where: {
      concurrencyKey: finished.key,
      status: 'queued',
      workflowVersion: { workflowId: finished.workflowId },
      steps: { every: { status: 'pending' } },
    },
    orderBy: { number: 'asc' },
    include: { steps: true, workflowVersion: true },
  });
  if (!next) return [];
  const def = next.workflowVersion.definition as unknown as WorkflowDefinition;
  const now = new Date();
  const queued: QueuedStep[] = [];
  for (const id of readySteps(def, {})) {
    const row = next.steps.find((s) => s.stepId === id)!;
    await tx.stepRun.update({ where: { id: row.id }, data: { status: 'queued', attempt: 1, queuedAt: now } });
    queued.push({ stepRunId: row.id, runId: next.id, stepId: id, attempt: 1 });
  }
  return queued;
}
