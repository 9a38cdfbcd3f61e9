// A decision on a waiting approval step. Decisions are appended with one conditional UPDATE, so
// two people deciding at once are both recorded; the first decision that settles the outcome wakes
// the step. (Who may decide is enforced with user accounts; until then, the admin token.)
import { approvalOutcome, type Decision, type WaitState } from '@/engine/run/wait';
import { authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { AppError, notFound } from '../errors';
import { resolveWait } from '../runs/waits';
import { publishRun } from '../runs/publish-run';

export async function decideApproval(actor: Actor, input: { runId: string; stepId: string; approve: boolean; reason?: string }) {
  const decider = authorize(actor, 'approvals.decide');
  const step = await db().stepRun.findUnique({ where: { runId_stepId: { runId: input.runId, stepId: input.stepId } } });
  if (!step) throw notFound(`step "${input.stepId}" of run "${input.runId}"`);
  const state = step.waitFor as WaitState | null;
  if (step.status !== 'waiting' || state?.kind !== 'approval' || state.resolution) {
    throw new AppError('conflict', `step "${input.stepId}" is not waiting for an approval`);
  }
  const decision: Decision = { by: decider.name, approve: input.approve, reason: input.reason ?? null, at: new Date().toISOString() };
  const rows = await db().$queryRaw<{ waitFor: WaitState }[]>`
    UPDATE "StepRun" SET "waitFor" = jsonb_set("waitFor", '{decisions}', coalesce("waitFor"->'decisions', '[]'::jsonb) || ${JSON.stringify([decision])}::jsonb)
    WHERE id = ${step.id} AND status = 'waiting' AND NOT ("waitFor" ? 'resolution')
    RETURNING "waitFor"`;
  if (rows.length === 0) throw new AppError('conflict', `step "${input.stepId}" was decided meanwhile`);
  const updated = rows[0].waitFor;
  if (updated.kind !== 'approval') throw new AppError('conflict', 'not an approval');
  const outcome = approvalOutcome(updated.required, updated.decisions ?? []);
  if (outcome !== 'pending') {
    await resolveWait({ stepRunId: step.id, runId: step.runId, stepId: step.stepId, attempt: step.attempt }, { approved: outcome === 'approved' });
  }
  await publishRun(step.runId, [step.stepId]);
  return { outcome, decisions: updated.decisions ?? [] };
}
