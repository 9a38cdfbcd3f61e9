// Who may decide an approval step. The step's `approvers` list narrows who may decide; it never
// widens it: deciding always needs `approvals.decide` (releaser or above), checked by the caller.
// People are named by email or user id, never by display name: anyone may rename themselves, so
// a person calling themselves "Alice" must not become an approver that lists Alice.
import { can, isRole, roleRank, type Role } from '../auth/roles';
import type { Decision } from './wait';

/** The caller as approval rules see them: a stable key (see actorKey), role, user id and email. */
export type Approver = { key: string; role: Role; userId: string | null; email: string | null };

/**
 * An entry that is a role name admits that role and above; an entry with an "@" is an email
 * (case-insensitive); any other entry is a user id (exact). An empty list admits everyone who may
 * decide approvals at all.
 */
export function isListedApprover(approvers: readonly string[], who: Approver): boolean {
  if (!can(who.role, 'approvals.decide')) return false;
  if (approvers.length === 0) return true;
  const email = who.email?.toLowerCase() ?? null;
  return approvers.some((raw) => {
    const a = raw.trim();
    if (isRole(a)) return roleRank(who.role) >= roleRank(a);
    if (a.includes('@')) return email !== null && a.toLowerCase() === email;
    return who.userId !== null && a === who.userId;
  });
}

/** Who caused the run: its starter (re-run, resume, replay, release start) and the API sender of its event. */
export type RunCause = { startedBy: string | null; sentBy: string | null; runNumber: number };

/** Why `who` may not decide this approval, or null when they may. */
export function approvalRefusal(
  step: RunCause & { approvers: readonly string[]; decisions: readonly Decision[] },
  who: Approver,
): { code: 'forbidden' | 'conflict'; message: string } | null {
  // No self-approval: whoever caused the run needs a second pair of eyes.
  if (step.startedBy && step.startedBy === who.key) {
    return { code: 'forbidden', message: `you started run #${step.runNumber}, so someone else must decide this approval (no self-approval)` };
  }
  if (step.sentBy && step.sentBy === who.key) {
    return { code: 'forbidden', message: `you sent the event that started run #${step.runNumber}, so someone else must decide this approval (no self-approval)` };
  }
  if (!isListedApprover(step.approvers, who)) {
    return { code: 'forbidden', message: `this approval may be decided only by: ${step.approvers.join(', ')}` };
  }
  if (step.decisions.some((d) => (d.key ?? d.by) === who.key)) {
    return { code: 'conflict', message: 'you already decided on this approval; it needs another person' };
  }
  return null;
}
