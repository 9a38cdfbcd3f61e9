// The approvals inbox: waiting, unresolved approval steps the caller may decide now. Steps the
// caller may not decide (not listed, caused the run, already decided) are left out, so the nav
// badge counts only what is actually waiting on this person.
import type { ApprovalItem } from '@/engine/dto/approvals';
import { can } from '@/engine/auth/roles';
import { approvalRefusal } from '@/engine/run/approvers';
import type { WaitState } from '@/engine/run/wait';
import { authorize, type Actor } from '../auth/authorize';
import { listWaitingApprovalSteps } from '../repositories/approvals';
import { asApprover, runCause } from './decide-approval';

// server/runs/waits.ts stores "no deadline" as a far-future wakeAt.
const NO_DEADLINE_AFTER = Date.UTC(9000, 0, 1);

export async function listApprovalInbox(actor: Actor): Promise<ApprovalItem[]> {
  const p = authorize(actor, 'read');
  // Viewers may open the page (and see it empty) but decide nothing.
  if (!can(p.role, 'approvals.decide')) return [];
  const who = await asApprover(p);
  const items: ApprovalItem[] = [];
  for (const step of await listWaitingApprovalSteps()) {
    const state = step.waitFor as WaitState | null;
    if (state?.kind !== 'approval' || state.resolution) continue;
    const decisions = state.decisions ?? [];
    const ctx = { ...runCause(step.run), approvers: state.approvers, decisions };
    if (approvalRefusal(ctx, who)) continue;
    items.push({
      runId: step.run.id,
      runNumber: step.run.number,
      workflow: { name: step.run.workflowVersion.workflow.name, version: step.run.workflowVersion.version },
      stepId: step.stepId,
      message: state.message,
      required: state.required,
      approvers: state.approvers,
      decisions: decisions.map(({ by, approve, reason, at }) => ({ by, approve, reason, at })),
      since: state.since,
      deadline: step.wakeAt && step.wakeAt.getTime() < NO_DEADLINE_AFTER ? step.wakeAt.toISOString() : null,
    });
  }
  return items;
}
