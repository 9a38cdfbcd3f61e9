// The step transition's SQL (DESIGN.md "Hot paths", docs/architecture.md): plain `pg` on the hot
// pool, no Prisma. A claim is ONE statement that takes the lease, marks the run running and
// returns everything the step needs (its row, the run, the workflow's grants, every step's status
// and outputs, and the event and version only when the worker has not cached them). Settling is
// one transaction of three statements (settle-step.ts). Times are written as ISO strings cast to
// timestamp (Prisma's columns are timestamp(3) in UTC) and read back as UTC (db/hot-pool.ts).
import type pg from 'pg';
import { hotPool, prepared } from '../db/hot-pool';
import type { Fence } from '../runs/lease';

type Q = Pick<pg.PoolClient, 'query'>;

/** The columns a live step message is built from (logs only as their count). */
export const STEP_COLS = `id, "stepId", action, status, attempt, inputs, outputs, error, jsonb_array_length(logs) AS "logCount",
  "queuedAt", "startedAt", "finishedAt", "wakeAt", "waitFor"`;

export type StepRow = {
  id: string; stepId: string; action: string; status: string; attempt: number; inputs: unknown; outputs: unknown; error: string | null;
  logCount: number; queuedAt: Date | null; startedAt: Date | null; finishedAt: Date | null; wakeAt: Date | null; waitFor: unknown;
};

export type RunRow = {
  id: string; number: number; status: string; workflowVersionId: string; eventId: string; vars: Record<string, unknown>; error: string | null;
  reason: string; previousRunId: string | null; concurrencyKey: string | null; trainId: string | null;
  createdAt: Date; startedAt: Date | null; finishedAt: Date | null;
  workflowId: string; workflowName: string; version: number;
};

export type ClaimRow = {
  step: StepRow;
  run: RunRow;
  workflow: { name: string; shellAllowed: boolean; secretGrants: string[]; publisherRole: string | null };
  steps: Record<string, { status: string; outputs: unknown }>;
  /** Present when asked for (not cached yet). */
  definition?: unknown;
  event?: { id: string; sourceKey: string; type: string; payload: unknown; headers: unknown; receivedAt: Date };
};

export const iso = (d: Date) => d.toISOString();

/**
 * Claims a step attempt: queued (or running with an expired lease: recovery), or waiting and due
 * when `wake`. Null when the database says the job is stale. Committed asynchronously: a claim lost
 * in a Postgres crash leaves the step queued with the same attempt, which the reconciler hands out
 * again under the same idempotency key (as after a worker crash); every later write of the attempt
 * is fenced on this claim, and the settle's durable commit flushes the WAL that holds it. The Run row is read in the same
 * statement, so a `started` CTE's change is merged in by hand (a CTE's writes are not visible to
 * the rest of its statement).
 */
export async function claimStepRow(
  job: { stepRunId: string; runId: string; attempt: number; wake: boolean },
  lease: { owner: string; until: Date; now: Date },
  need: { event: boolean; definition: boolean },
): Promise<ClaimRow | null> {
  const claim = job.wake
    ? `UPDATE "StepRun" SET status = 'running', "leaseUntil" = $4::timestamp, "leaseOwner" = $5
       WHERE id = $1 AND status = 'waiting' AND attempt = $3 AND "wakeAt" <= $6::timestamp`
    : `UPDATE "StepRun" SET status = 'running', "startedAt" = $6::timestamp, "leaseUntil" = $4::timestamp, "leaseOwner" = $5
       WHERE id = $1 AND attempt = $3 AND (status = 'queued' OR (status = 'running' AND "leaseUntil" < $6::timestamp))`;
  const { rows } = await hotPool().query(prepared(
    `WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
     c AS (${claim} RETURNING ${STEP_COLS}),
     started AS (UPDATE "Run" SET status = 'running', "startedAt" = $6::timestamp
       WHERE id = $2 AND status = 'queued' AND EXISTS (SELECT 1 FROM c) RETURNING status, "startedAt")
     SELECT row_to_json(c) AS step,
       r.id, r.number, COALESCE((SELECT status FROM started), r.status) AS status, r."workflowVersionId", r."eventId", r.vars, r.error,
       r.reason, r."previousRunId", r."concurrencyKey", r."trainId", r."createdAt",
       COALESCE((SELECT "startedAt" FROM started), r."startedAt") AS "startedAt", r."finishedAt",
       v."workflowId", v.version, v."publisherRole", w.name AS "workflowName", w."shellAllowed", w."secretGrants",
       (SELECT jsonb_object_agg(s."stepId", jsonb_build_object('status', s.status, 'outputs', s.outputs))
          FROM "StepRun" s WHERE s."runId" = r.id) AS steps,
       CASE WHEN $7 THEN v.definition END AS definition,
       e."sourceKey" AS "eventSource", e.type AS "eventType", e.payload AS "eventPayload", e.headers AS "eventHeaders", e."receivedAt" AS "eventReceivedAt"
     FROM c CROSS JOIN cfg JOIN "Run" r ON r.id = $2
       JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId" JOIN "Workflow" w ON w.id = v."workflowId"
       LEFT JOIN "Event" e ON $8 AND e.id = r."eventId"`,
    [job.stepRunId, job.runId, job.attempt, iso(lease.until), lease.owner, iso(lease.now), need.definition, need.event]),
  );
  const r = rows[0];
  if (!r) return null;
  const step = stepFromJson(r.step);
  const run: RunRow = {
    id: r.id, number: r.number, status: r.status, workflowVersionId: r.workflowVersionId, eventId: r.eventId, vars: r.vars ?? {}, error: r.error,
    reason: r.reason, previousRunId: r.previousRunId, concurrencyKey: r.concurrencyKey, trainId: r.trainId,
    createdAt: r.createdAt, startedAt: r.startedAt, finishedAt: r.finishedAt, workflowId: r.workflowId, workflowName: r.workflowName, version: r.version,
  };
  // The statement's snapshot predates the claim: this step is running now.
  const steps = { ...(r.steps ?? {}), [step.stepId]: { status: step.status, outputs: step.outputs } };
  return {
    step, run, steps,
    workflow: { name: r.workflowName, shellAllowed: r.shellAllowed, secretGrants: r.secretGrants, publisherRole: r.publisherRole },
    ...(need.definition && { definition: r.definition }),
    ...(need.event && r.eventSource !== null && {
      event: { id: r.eventId, sourceKey: r.eventSource, type: r.eventType, payload: r.eventPayload, headers: r.eventHeaders, receivedAt: r.eventReceivedAt },
    }),
  };
}

/** A workflow version and an event by id, for a transition whose claim did not bring them. */
export async function loadVersionAndEvent(versionId: string, eventId: string | null) {
  const [v, e] = await Promise.all([
    hotPool().query(prepared(`SELECT id, definition FROM "WorkflowVersion" WHERE id = $1`, [versionId])),
    eventId
      ? hotPool().query(prepared(`SELECT id, "sourceKey", type, payload, headers, "receivedAt" FROM "Event" WHERE id = $1`, [eventId]))
      : Promise.resolve({ rows: [] }),
  ]);
  return { definition: v.rows[0]?.definition as unknown, event: e.rows[0] as ClaimRow['event'] | undefined };
}

// row_to_json writes timestamp(3) without a zone: those are UTC.
const ts = (v: unknown) => (typeof v === 'string' ? new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(v) ? v : `${v}Z`) : null);
export const stepFromJson = (j: Record<string, unknown>): StepRow => ({
  ...(j as unknown as StepRow),
  queuedAt: ts(j.queuedAt), startedAt: ts(j.startedAt), finishedAt: ts(j.finishedAt), wakeAt: ts(j.wakeAt),
});

export const fenceSql = (fence: Fence | undefined, first: number) =>
  fence ? { sql: ` AND status = 'running' AND attempt = $${first} AND "leaseOwner" = $${first + 1}`, params: [fence.attempt, fence.owner] } : { sql: '', params: [] };

export type SelfWrite = {
  status: string; outputs?: unknown; error: string | null; now: Date;
  /** The final log flush and the resolved inputs, written with the outcome. */
  lines?: unknown[]; inputs?: unknown;
};

/**
 * Statement 1 of a settle: locks the run row (every state change of a run is serialised on it, so
 * fan-in siblings see each other) and writes the step's end state under its fence. `step` is null
 * when the fence no longer matches.
 */
export async function lockRunAndSettleSelf(c: Q, runId: string, stepRunId: string, w: SelfWrite, fence?: Fence) {
  const f = fenceSql(fence, 9);
  const { rows } = await c.query(prepared(
    `WITH run AS (
       SELECT r.id, r.number, r.status, r."workflowVersionId", r."eventId", r.error, r.reason, r."previousRunId", r."concurrencyKey",
         r."trainId", r."createdAt", r."startedAt", r."finishedAt", v."workflowId", v.version, w.name AS "workflowName"
       FROM "Run" r JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId" JOIN "Workflow" w ON w.id = v."workflowId"
       WHERE r.id = $1 FOR UPDATE OF r),
     self AS (
       UPDATE "StepRun" SET status = $3, outputs = COALESCE($4::jsonb, outputs), error = $5, "finishedAt" = $6::timestamp, "leaseUntil" = NULL,
         logs = CASE WHEN $7::jsonb IS NULL THEN logs ELSE logs || $7::jsonb END, inputs = COALESCE($8::jsonb, inputs)
       WHERE id = $2 AND EXISTS (SELECT 1 FROM run)${f.sql}
       RETURNING ${STEP_COLS})
     SELECT run.*, (SELECT row_to_json(self) FROM self) AS step FROM run`,
    [runId, stepRunId, w.status, json(w.outputs), w.error, iso(w.now), w.lines?.length ? JSON.stringify(w.lines) : null, json(w.inputs), ...f.params]),
  );
  const r = rows[0];
  if (!r) return null;
  const { step, ...run } = r;
  return { run: run as Omit<RunRow, 'vars'>, step: step ? stepFromJson(step) : null };
}

export const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Statement 2: every step's status, read after the lock (a fresh snapshot in READ COMMITTED). */
export async function stepStatuses(c: Q, runId: string): Promise<{ id: string; stepId: string; status: string }[]> {
  return (await c.query(prepared(`SELECT id, "stepId", status FROM "StepRun" WHERE "runId" = $1`, [runId]))).rows;
}

/** Statement 3: queue the steps that became ready, skip the blocked ones, write the run's state. */
export async function advanceRun(
  c: Q,
  runId: string,
  a: { ready: string[]; blocked: string[]; status: string; vars?: Record<string, unknown>; error?: string; terminal: boolean; now: Date },
) {
  // The parameters' numbers of status, vars, now, error and terminal ($1 is the run).
  const runWrite = ([status, vars, now, error, terminal]: string[]) => `UPDATE "Run" SET status = ${status},
                  vars = CASE WHEN ${vars}::jsonb IS NULL THEN vars ELSE vars || ${vars}::jsonb END, error = COALESCE(error, ${error}),
                  "finishedAt" = CASE WHEN ${terminal} THEN ${now}::timestamp ELSE "finishedAt" END
                WHERE id = $1 RETURNING status, error, "finishedAt"`;
  // A run's last step queues and skips nothing: its statement is the run's write alone. The
  // arrays would make Postgres plan it at every call (their size changes the plan's cost), 0.24 ms
  // per finished run on the bench; without them it is planned once per connection.
  const { rows } = a.ready.length === 0 && a.blocked.length === 0
    ? await c.query(prepared(
      `WITH r AS (${runWrite(['$2', '$3', '$4', '$5', '$6'])})
       SELECT NULL::json AS queued, NULL::json AS skipped, r.* FROM r`,
      [runId, a.status, json(a.vars), iso(a.now), a.error ?? null, a.terminal]))
    : await c.query(prepared(
      `WITH q AS (UPDATE "StepRun" SET status = 'queued', attempt = 1, "queuedAt" = $6::timestamp
                WHERE "runId" = $1 AND "stepId" = ANY($2::text[]) RETURNING ${STEP_COLS}),
          b AS (UPDATE "StepRun" SET status = 'skipped', "finishedAt" = $6::timestamp
                WHERE "runId" = $1 AND "stepId" = ANY($3::text[]) AND status = 'pending' RETURNING ${STEP_COLS}),
          r AS (${runWrite(['$4', '$5', '$6', '$7', '$8'])})
     SELECT (SELECT json_agg(q) FROM q) AS queued, (SELECT json_agg(b) FROM b) AS skipped, r.* FROM r`,
      [runId, a.ready, a.blocked, a.status, json(a.vars), iso(a.now), a.error ?? null, a.terminal]));
  const r = rows[0];
  return {
    queued: ((r.queued ?? []) as Record<string, unknown>[]).map(stepFromJson),
    skipped: ((r.skipped ?? []) as Record<string, unknown>[]).map(stepFromJson),
    run: { status: r.status as string, error: r.error as string | null, finishedAt: r.finishedAt as Date | null },
  };
}

/**
 * Extends the lease and reads the run's status in one statement, committed asynchronously
 * (synchronous_commit off for this transaction only): a lost renewal costs at most an early
 * takeover, which the fence already makes safe.
 */
export async function renewLeaseRow(fence: Fence, runId: string | null, until: Date): Promise<{ held: boolean; runStatus: string | null }> {
  const { rows } = await hotPool().query(prepared(
    `WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
          u AS (UPDATE "StepRun" SET "leaseUntil" = $4::timestamp
                WHERE id = $1 AND status = 'running' AND attempt = $2 AND "leaseOwner" = $3 RETURNING 1)
     SELECT (SELECT count(*) FROM u)::int AS held, (SELECT status FROM "Run" WHERE id = $5) AS "runStatus" FROM cfg`,
    [fence.stepRunId, fence.attempt, fence.owner, iso(until), runId]),
  );
  return { held: rows[0].held === 1, runStatus: rows[0].runStatus };
}
