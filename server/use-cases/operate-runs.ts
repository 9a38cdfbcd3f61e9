// Operations on runs: cancel, re-run, resume from the failed step, replay a stored event.
// Each returns the affected run ids; history is never rewritten (re-run and resume create new
// runs linked to the old one by previousRunId). Each writes its audit entry in the transaction
// that makes the change.
import { isTerminalRun, type RunStatus } from '@/engine/run/status';
import { actorKey, authorize, type Actor } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db/client';
import { AppError, badRequest, notFound } from '../errors';
import { enqueueSafely } from '../queue/enqueue';
import { findEventRow } from '../repositories/events';
import { findRun, lockRun } from '../repositories/runs';
import { findWorkflow } from '../repositories/workflows';
import { cancelRunInTx } from '../runs/cancel-in-tx';
import { createRun } from '../runs/create-run';
import { startNextInLine } from '../runs/next-in-line';
import { publishRun } from '../runs/publish-run';
import { matchingVersions, startRuns } from './process-event';
import { notifyAfterRun } from '../subscriptions/hooks';

export async function cancelRun(actor: Actor, runId: string): Promise<{ id: string }> {
  const who = authorize(actor, 'runs.cancel');
  const by = who.name;
  const next = await db().$transaction(async (tx) => {
    const run = await lockRun(tx, runId).catch(() => null);
    if (!run) throw notFound(`run "${runId}"`);
    if (isTerminalRun(run.status as RunStatus)) throw new AppError('conflict', `run #${run.number} is already ${run.status}`);
    await cancelRunInTx(tx, runId, `cancelled by ${by}`);
    await recordAudit(tx, { actor: who, action: 'run.cancel', subjectType: 'run', subjectId: runId, before: { number: run.number, status: run.status }, after: { number: run.number, status: 'cancelled' } });
    return startNextInLine(tx, { workflowId: run.workflowVersion.workflowId, key: run.concurrencyKey });
  });
  await publishRun(runId, undefined, { withEvent: true });
  if (next[0]) await publishRun(next[0].runId);
  await enqueueSafely('step.run', next);
  await notifyAfterRun(runId); // a cancelled run is a terminal outcome for workflow subscriptions
  return { id: runId };
}

async function startDerivedRun(actor: Actor, previousRunId: string, mode: 'rerun' | 'resume'): Promise<{ id: string }> {
  const by = authorize(actor, 'runs.rerun');
  const old = await findRun(previousRunId);
  if (!old) throw notFound(`run "${previousRunId}"`);
  if (mode === 'resume' && !['failed', 'cancelled'].includes(old.status)) {
    throw new AppError('conflict', `only a failed or cancelled run can be resumed; run #${old.number} is ${old.status}`);
  }
  const created = await db().$transaction(async (tx) => {
    const made = await createRun(tx, {
      version: old.workflowVersion,
      event: old.event,
      reason: mode,
      previousRunId: old.id,
      startedBy: actorKey(by),
      ...(mode === 'resume' && { carry: old.steps, vars: old.vars as Record<string, unknown> }),
    });
    await recordAudit(tx, { actor: by, action: `run.${mode}`, subjectType: 'run', subjectId: old.id, before: { number: old.number, status: old.status }, after: { runId: made.runId } });
    return made;
  });
  await publishRun(created.runId, undefined, { withEvent: true });
  await enqueueSafely('step.run', created.queued);
  return { id: created.runId };
}

export const rerunRun = (actor: Actor, runId: string) => startDerivedRun(actor, runId, 'rerun');
export const resumeRun = (actor: Actor, runId: string) => startDerivedRun(actor, runId, 'resume');

/** Replays a stored event: against one workflow (its current or a chosen version), or against
 *  every live workflow whose trigger matches, as if it had just arrived. */
export async function replayEvent(actor: Actor, input: { eventId: string; workflow?: string; version?: number }): Promise<{ runIds: string[] }> {
  const by = authorize(actor, 'events.replay');
  const event = await findEventRow(input.eventId);
  if (!event) throw notFound(`event "${input.eventId}"`);
  let versions;
  if (input.workflow) {
    const found = await findWorkflow(input.workflow, input.version);
    if (!found) throw notFound(`workflow "${input.workflow}"${input.version ? ` version ${input.version}` : ''}`);
    versions = [{ id: found.version.id, workflowId: found.workflow.id, definition: found.version.definition }];
  } else {
    if (input.version !== undefined) throw badRequest('version needs a workflow');
    versions = await matchingVersions(event);
  }
  const runIds =
    (await startRuns(event, versions, {
      reason: 'replay',
      claim: false,
      startedBy: actorKey(by),
      audit: (tx, ids) =>
        recordAudit(tx, { actor: by, action: 'event.replay', subjectType: 'event', subjectId: event.id, after: { workflow: input.workflow ?? null, version: input.version ?? null, runIds: ids } }),
    })) ?? [];
  return { runIds };
}
