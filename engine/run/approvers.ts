// Who may decide an approval step. The step's `approvers` list narrows who may decide; it never
// widens it: deciding always needs `approvals.decide` (releaser or above), checked by the caller.
import { can, isRole, roleRank, type Role } from '../auth/roles';
import type { Decision } from './wait';

/** The caller as approval rules see them: a stable key (see actorKey), role, name and email. */
export type Approver = { key: string; role: Role; name: string; email: string | null };

/**
 * An entry that is a role name admits that role and above; any other entry is a user name or an
 * email (case-insensitive). An empty list admits everyone who may decide approvals at all.
 */
export function isListedApprover(approvers: readonly string[], who: Approver): boolean {
  if (!can(who.role, 'approvals.decide')) return false;
  if (approvers.length === 0) return true;
  const names = [who.name, who.email].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase());
  return approvers.some((a) => (isRole(a) ? roleRank(who.role) >= roleRank(a) : names.includes(a.trim().toLowerCase())));
}

/** Why `who` may not decide this approval, or null when they may. */
export function approvalRefusal(
  step: { approvers: readonly string[]; decisions: readonly Decision[]; startedBy: string | null; runNumber: number },
  who: Approver,
): { code: 'forbidden' | 'conflict'; message: string } | null {
  // No self-approval: whoever started the run (re-run, replay, release start) needs a second pair of eyes.
  if (step.startedBy && step.startedBy === who.key) {
    return { code: 'forbidden', message: `you started run #${step.runNumber}, so someone else must decide this approval (no self-approval)` };
  }
  if (!isListedApprover(step.approvers, who)) {
    return { code: 'forbidden', message: `this approval may be decided only by: ${step.approvers.join(', ')}` };
  }
  if (step.decisions.some((d) => (d.key ?? d.by) === who.key)) {
    return { code: 'conflict', message: 'you already decided on this approval; it needs another person' };
  }
  return null;
}
