// Worker side of intake: match an event to the live workflows, create their runs and queue the
// steps that have nothing to wait for. Runs and the event's "processed" mark commit together, and
// jobs are enqueued only after that commit.
import { matchesTrigger } from '@/engine/workflow/match';
import { readySteps } from '@/engine/workflow/dag';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { db } from '../db/client';
import { enqueueSafely } from '../queue/enqueue';
import { findLiveVersions } from '../repositories/workflows';
import { publishRun } from '../runs/publish-run';
import { publishEventSummaries } from './publish-event';

export async function processEvent(eventId: string): Promise<{ runIds: string[] }> {
  const event = await db().event.findUnique({ where: { id: eventId } });
  if (!event || event.processedAt) return { runIds: [] };

  const candidates = await findLiveVersions(event.sourceKey, event.type);
  const matched: { versionId: string; def: WorkflowDefinition }[] = [];
  for (const { workflow, version } of candidates) {
    const def = version.definition as unknown as WorkflowDefinition;
    try {
      const headers = event.headers as Record<string, string>;
      if (await matchesTrigger(def, { source: event.sourceKey, type: event.type, payload: event.payload, headers })) {
        matched.push({ versionId: version.id, def });
      }
    } catch (err) {
      // A filter that errors is a workflow bug, not a reason to lose the event for other workflows.
      console.warn(`[engine] filter of workflow "${workflow.name}" v${version.version} failed: ${(err as Error).message}`);
    }
  }

  const now = new Date();
  const created = await db().$transaction(async (tx) => {
    const claimed = await tx.event.updateMany({ where: { id: eventId, processedAt: null }, data: { processedAt: now } });
    if (claimed.count === 0) return []; // another worker got here first
    const runs = [];
    for (const { versionId, def } of matched) {
      const ready = new Set(readySteps(def, {}));
      const run = await tx.run.create({
        data: {
          workflowVersionId: versionId,
          eventId,
          status: 'queued',
          steps: {
            create: def.steps.map((s) => ({
              stepId: s.id,
              action: s.action,
              status: ready.has(s.id) ? 'queued' : 'pending',
              attempt: ready.has(s.id) ? 1 : 0,
              queuedAt: ready.has(s.id) ? now : null,
            })),
          },
        },
        include: { steps: true },
      });
      runs.push(run);
    }
    return runs;
  });

  await enqueueSafely(
    'step.run',
    created.flatMap((run) =>
      run.steps.filter((s) => s.status === 'queued').map((s) => ({ stepRunId: s.id, runId: run.id, stepId: s.stepId, attempt: s.attempt })),
    ),
  );
  await Promise.all(created.map((r) => publishRun(r.id)));
  await publishEventSummaries([eventId]);
  return { runIds: created.map((r) => r.id) };
}
