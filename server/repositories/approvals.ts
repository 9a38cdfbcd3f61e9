// Approval steps: reading them for decisions and the inbox, and appending a decision atomically.
import type { Decision, WaitState } from '@/engine/run/wait';
import { db, type Tx } from '../db/client';

const runContext = {
  run: {
    select: {
      id: true,
      number: true,
      startedBy: true,
      event: { select: { sentBy: true } },
      workflowVersion: { select: { version: true, workflow: { select: { name: true } } } },
    },
  },
} as const;

export const findApprovalStep = (runId: string, stepId: string) =>
  db().stepRun.findUnique({ where: { runId_stepId: { runId, stepId } }, include: runContext });

/** Steps waiting for an approval (resolved ones are filtered by the caller), oldest first. */
export const listWaitingApprovalSteps = (take = 500) =>
  db().stepRun.findMany({
    where: { status: 'waiting', waitFor: { path: ['kind'], equals: 'approval' } },
    orderBy: { startedAt: 'asc' },
    take,
    include: runContext,
  });

/**
 * Appends one decision with a single conditional UPDATE, so concurrent deciders are all recorded;
 * refuses (no row) when the step was resolved meanwhile or this person has already decided.
 */
export async function appendDecision(tx: Tx, stepRunId: string, decision: Decision & { key: string }): Promise<WaitState | null> {
  const rows = await tx.$queryRaw<{ waitFor: WaitState }[]>`
    UPDATE "StepRun" SET "waitFor" = jsonb_set("waitFor", '{decisions}', coalesce("waitFor"->'decisions', '[]'::jsonb) || ${JSON.stringify([decision])}::jsonb)
    WHERE id = ${stepRunId} AND status = 'waiting' AND NOT ("waitFor" ? 'resolution')
      AND NOT (coalesce("waitFor"->'decisions', '[]'::jsonb) @> ${JSON.stringify([{ key: decision.key }])}::jsonb)
    RETURNING "waitFor"`;
  return rows[0]?.waitFor ?? null;
}

/** The email of a person, for matching an approvers list. */
export const findApproverContact = (userId: string) =>
  db().user.findUnique({ where: { id: userId }, select: { email: true } });
