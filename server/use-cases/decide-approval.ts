// A decision on a waiting approval step. Who may decide: releasers and above, narrowed by the
// step's `approvers` list (roles, emails, user ids), never the person who caused the run (its
// starter, or the API sender of its event: no self-approval), and each person once. Decisions are appended with one conditional UPDATE, so two people deciding at once
// are both recorded; the first decision that settles the outcome wakes the step.
import { approvalRefusal, type Approver } from '@/engine/run/approvers';
import { approvalOutcome, type Decision, type WaitState } from '@/engine/run/wait';
import { recordAudit } from '../audit/record-audit';
import { actorKey, authorize, type Actor } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { db } from '../db/client';
import { AppError, notFound } from '../errors';
import { appendDecision, findApprovalStep, findApproverContact } from '../repositories/approvals';
import { resolveWait } from '../runs/waits';
import { publishRun } from '../runs/publish-run';

/** The caller with the user id and email an approvers list may name them by (never their display name). */
export async function asApprover(p: Principal): Promise<Approver> {
  const contact = p.userId ? await findApproverContact(p.userId) : null;
  return { key: actorKey(p), role: p.role, userId: p.userId, email: contact?.email ?? null };
}

/** The run's cause, as approvalRefusal compares it. */
export const runCause = (run: { startedBy: string | null; number: number; event: { sentBy: string | null } | null }) =>
  ({ startedBy: run.startedBy, sentBy: run.event?.sentBy ?? null, runNumber: run.number });

export async function decideApproval(actor: Actor, input: { runId: string; stepId: string; approve: boolean; reason?: string }) {
  const decider = authorize(actor, 'approvals.decide');
  const step = await findApprovalStep(input.runId, input.stepId);
  if (!step) throw notFound(`step "${input.stepId}" of run "${input.runId}"`);
  const state = step.waitFor as WaitState | null;
  if (step.status !== 'waiting' || state?.kind !== 'approval' || state.resolution) {
    throw new AppError('conflict', `step "${input.stepId}" is not waiting for an approval`);
  }
  const who = await asApprover(decider);
  const refusal = approvalRefusal(
    { ...runCause(step.run), approvers: state.approvers, decisions: state.decisions ?? [] },
    who,
  );
  if (refusal) throw new AppError(refusal.code, refusal.message);

  const reason = input.reason?.trim() || null;
  const decision: Decision & { key: string } = { by: decider.name, key: who.key, approve: input.approve, reason, at: new Date().toISOString() };
  const updated = await db().$transaction(async (tx) => {
    const next = await appendDecision(tx, step.id, decision);
    if (!next || next.kind !== 'approval') throw new AppError('conflict', `step "${input.stepId}" was decided meanwhile, or you already decided`);
    const outcome = approvalOutcome(next.required, next.decisions ?? []);
    await recordAudit(tx, {
      actor: decider,
      action: 'approval.decide',
      subjectType: 'run',
      subjectId: step.runId,
      after: { runNumber: step.run.number, stepId: step.stepId, approve: input.approve, reason, outcome },
    });
    return { state: next, outcome };
  });
  if (updated.outcome !== 'pending') {
    await resolveWait({ stepRunId: step.id, runId: step.runId, stepId: step.stepId, attempt: step.attempt }, { approved: updated.outcome === 'approved' });
  }
  await publishRun(step.runId, [step.stepId]);
  return { outcome: updated.outcome, decisions: updated.state.decisions ?? [] };
}
