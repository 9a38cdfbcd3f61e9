// A chain's step transition in ONE statement, committed on its own (no BEGIN/COMMIT round trips):
// the general settle (step-transition.ts, three statements in a transaction) reads every step's
// status after locking the run, because a fan-in or a skip depends on them. When the graph says
// that this step's success makes exactly one step ready and changes nothing else
// (engine/workflow/dag.ts soleSuccessor), no other status matters, and one statement can lock the
// run, check it still runs, lock the successor and check it is still pending, write the step's end
// state under its fence, queue the successor and merge the run's variables.
// All or nothing: the writes are chained (self needs the locks; the successor needs self; the run
// needs the successor), so when a check fails nothing is written and the caller settles the
// general way, which handles a cancelled run or a moved successor.
import type { Fence } from '../runs/lease';
import { hotPool, prepared } from '../db/hot-pool';
import { fenceSql, iso, json, STEP_COLS, stepFromJson, type RunRow, type SelfWrite, type StepRow } from './step-transition';

export type LinearSettle =
  /** Written: the step succeeded, its successor is queued, the run's vars are merged. */
  | { kind: 'settled'; run: Omit<RunRow, 'vars'>; self: StepRow; queued: StepRow }
  /** The fence no longer matches: another worker holds the step; nothing was written. */
  | { kind: 'not-held' }
  /** The run does not run or the successor is no longer pending: settle the general way. */
  | { kind: 'general' };

/**
 * With `claim`, the successor is claimed by the same statement (inline continuation): see below.
 * `knownSteps`: every step's status and outputs, known to the caller (a single-path run,
 * runs/settle-linear.ts); the statement then does not read them.
 */
export type SuccessorClaim = { owner: string; until: Date; knownSteps?: Record<string, { status: string; outputs: unknown }> };

/**
 * The CTEs both chain statements start with ($1 run, $2 step, $3 outputs, $4 now, $5 log lines,
 * $6 inputs, $8 successor's step id): lock the run (it must still run) and the pending successor,
 * then write the step's success under its fence. `runCols`: more columns of the locked run.
 */
const chainHead = (runCols: string, fence: string) => `run AS MATERIALIZED (
       SELECT r.id, r.number, r.status, r."workflowVersionId", r."eventId", r.error, r.reason, r."previousRunId", r."concurrencyKey",
         r."trainId", r."createdAt", r."startedAt", r."finishedAt", v."workflowId", v.version, w.name AS "workflowName"${runCols}
       FROM "Run" r JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId" JOIN "Workflow" w ON w.id = v."workflowId"
       WHERE r.id = $1 FOR UPDATE OF r),
     nxt AS MATERIALIZED (
       SELECT id FROM "StepRun" WHERE "runId" = $1 AND "stepId" = $8 AND status = 'pending'
         AND EXISTS (SELECT 1 FROM run WHERE status = 'running') FOR UPDATE),
     self AS (
       UPDATE "StepRun" SET status = 'succeeded', outputs = COALESCE($3::jsonb, outputs), error = NULL, "finishedAt" = $4::timestamp,
         "leaseUntil" = NULL, logs = CASE WHEN $5::jsonb IS NULL THEN logs ELSE logs || $5::jsonb END, inputs = COALESCE($6::jsonb, inputs)
       WHERE id = $2 AND EXISTS (SELECT 1 FROM nxt)${fence}
       RETURNING ${STEP_COLS})`;

export async function settleLinearRow(
  runId: string, stepRunId: string, successor: string, w: SelfWrite & { vars?: Record<string, unknown> }, fence?: Fence, claim?: SuccessorClaim,
): Promise<LinearSettle | LinearClaim> {
  if (claim) return settleAndClaim(runId, stepRunId, successor, w, claim, fence);
  const f = fenceSql(fence, 9);
  const { rows } = await hotPool().query(prepared(
    `WITH ${chainHead('', f.sql)},
     q AS (
       UPDATE "StepRun" SET status = 'queued', attempt = 1, "queuedAt" = $4::timestamp
       WHERE id = (SELECT id FROM nxt) AND EXISTS (SELECT 1 FROM self)
       RETURNING ${STEP_COLS}),
     adv AS (
       UPDATE "Run" SET status = 'running', vars = CASE WHEN $7::jsonb IS NULL THEN vars ELSE vars || $7::jsonb END
       WHERE id = $1 AND EXISTS (SELECT 1 FROM q) AND $7::jsonb IS NOT NULL
       RETURNING 1)
     SELECT run.*, (SELECT row_to_json(self) FROM self) AS self, (SELECT row_to_json(q) FROM q) AS queued,
       (SELECT count(*) FROM nxt)::int AS "nextFree", (SELECT count(*) FROM adv)::int AS advanced
     FROM run`,
    [runId, stepRunId, json(w.outputs), iso(w.now), w.lines?.length ? JSON.stringify(w.lines) : null, json(w.inputs), json(w.vars), successor, ...f.params]),
  );
  const r = rows[0];
  if (!r || r.nextFree === 0) return { kind: 'general' };
  if (!r.self) return { kind: 'not-held' };
  const { self, queued, nextFree: _n, advanced: _a, ...run } = r;
  return { kind: 'settled', run: { ...run, status: 'running' } as Omit<RunRow, 'vars'>, self: stepFromJson(self), queued: stepFromJson(queued) };
}

export type LinearClaim = { kind: 'claimed'; run: RunRow; self: StepRow; claimed: StepRow; steps: Record<string, { status: string; outputs: unknown }>;
  workflow: { name: string; shellAllowed: boolean; secretGrants: string[]; publisherRole: string | null } };

/**
 * The chain settle fused with the successor's claim, for a worker that runs the successor itself
 * (inline continuation): instead of `queued`, the successor becomes `running` under a new lease
 * owner, and the statement returns what a claim returns (step-transition.ts claimStepRow): the
 * run with its merged variables, the workflow's current grants, every step's status and outputs
 * (read only when the caller does not know them: `claim.knownSteps`).
 * One statement per chain step instead of two. Committed durably with the settle: should the
 * worker die before running it, the step is a running step whose lease runs out, recovered with
 * the same attempt as after any claim.
 */
async function settleAndClaim(
  runId: string, stepRunId: string, successor: string, w: SelfWrite & { vars?: Record<string, unknown> }, claim: SuccessorClaim, fence?: Fence,
): Promise<LinearSettle | LinearClaim> {
  const f = fenceSql(fence, 11);
  const { rows } = await hotPool().query(prepared(
    `WITH ${chainHead(', r.vars, v."publisherRole", w."shellAllowed", w."secretGrants"', f.sql)},
     q AS (
       UPDATE "StepRun" SET status = 'running', attempt = 1, "queuedAt" = $4::timestamp, "startedAt" = $4::timestamp,
         "leaseUntil" = $9::timestamp, "leaseOwner" = $10
       WHERE id = (SELECT id FROM nxt) AND EXISTS (SELECT 1 FROM self)
       RETURNING ${STEP_COLS}),
     adv AS (
       UPDATE "Run" SET vars = vars || $7::jsonb
       WHERE id = $1 AND EXISTS (SELECT 1 FROM q) AND $7::jsonb IS NOT NULL
       RETURNING vars)
     SELECT run.*, COALESCE((SELECT vars FROM adv), run.vars) AS vars,
       (SELECT row_to_json(self) FROM self) AS self, (SELECT row_to_json(q) FROM q) AS claimed,
       (SELECT count(*) FROM nxt)::int AS "nextFree",
       ${claim.knownSteps ? 'NULL::jsonb' : `(SELECT jsonb_object_agg(s."stepId", jsonb_build_object('status', s.status, 'outputs', s.outputs)) FROM "StepRun" s WHERE s."runId" = $1)`} AS steps
     FROM run`,
    [runId, stepRunId, json(w.outputs), iso(w.now), w.lines?.length ? JSON.stringify(w.lines) : null, json(w.inputs), json(w.vars), successor,
      iso(claim.until), claim.owner, ...f.params]),
  );
  const r = rows[0];
  if (!r || r.nextFree === 0) return { kind: 'general' };
  if (!r.self) return { kind: 'not-held' };
  const { self: selfJson, claimed: claimedJson, nextFree: _n, steps: agg, shellAllowed, secretGrants, publisherRole, ...run } = r;
  const self = stepFromJson(selfJson);
  const claimed = stepFromJson(claimedJson);
  // The statement's snapshot predates its own writes: patch in the two steps it changed.
  const steps = { ...(claim.knownSteps ?? agg ?? {}), [self.stepId]: { status: self.status, outputs: self.outputs }, [claimed.stepId]: { status: claimed.status, outputs: claimed.outputs } };
  return {
    kind: 'claimed', self, claimed, steps,
    run: { ...run, status: 'running', vars: run.vars ?? {} } as RunRow,
    workflow: { name: run.workflowName, shellAllowed, secretGrants, publisherRole },
  };
}

/** The step of `runId` running under `owner`, if any: what a settle try may have claimed. */
export async function findClaimedBy(runId: string, owner: string): Promise<{ id: string; stepId: string; attempt: number } | null> {
  const { rows } = await hotPool().query(prepared(
    `SELECT id, "stepId", attempt FROM "StepRun" WHERE "runId" = $1 AND status = 'running' AND "leaseOwner" = $2 LIMIT 1`, [runId, owner]));
  return rows[0] ?? null;
}
