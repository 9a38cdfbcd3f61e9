// The event path's run creation on the hot pool (issue 11, docs/architecture.md "Hot paths"): the
// event's claim, its runs and every step row in ONE statement, inside a transaction that first
// takes the wait key's shared lock and checks that no step waits for this (source, type). That is
// the common case: the event starts runs and resolves nothing. When a step does wait, or a run
// needs more than rows (a concurrency key, a train, an audit entry), the caller takes the general
// path (runs/create-run.ts through Prisma), which resolves waits under the same lock.
// Why the lock before the probe: a step entering `waiting` takes the key exclusively and then looks
// back at the events already stored (runs/wait-events.ts). Holding it shared from before the probe
// to the commit means such a step either committed before the probe (and is found, so we fall
// back) or looks back after our commit (and finds this event).
import type pg from 'pg';
import type { Run, StepRun } from '../db/generated/client';
import { hotPool, prepared } from '../db/hot-pool';
import { iso } from './step-transition';

/** First key of the two-int advisory lock on (source, type) waits: a namespace ("RYWT"). */
export const WAIT_LOCK_SPACE = 0x52595754;

export type NewStepRow = { id: string; stepId: string; action: string; status: 'queued' | 'pending' | 'skipped'; attempt: number };
export type NewRunRow = { id: string; versionId: string; steps: NewStepRow[] };
export type InsertedRun = Run & { steps: StepRun[] };

export type HotCreate =
  | { kind: 'created'; runs: InsertedRun[] }
  /** Another worker processed the event first: nothing was written. */
  | { kind: 'taken' }
  /** A step waits for this kind of event: nothing was written, use the general path. */
  | { kind: 'waiters' };

const INSERT = `WITH claim AS (
    UPDATE "Event" SET "processedAt" = $2::timestamp WHERE id = $1 AND "processedAt" IS NULL RETURNING id),
  runs AS (
    INSERT INTO "Run" (id, "workflowVersionId", "eventId", status, reason, vars, "createdAt")
    SELECT r.id, r.version, $1, 'queued', 'event', '{}'::jsonb, $2::timestamp
      FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS r(id, version, n)
     WHERE EXISTS (SELECT 1 FROM claim) ORDER BY r.n
    RETURNING *),
  steps AS (
    INSERT INTO "StepRun" (id, "runId", "stepId", action, status, attempt, logs, "queuedAt", "finishedAt")
    SELECT s.id, s.run, s.step, s.action, s.status, s.attempt, '[]'::jsonb,
           CASE WHEN s.status = 'queued' THEN $2::timestamp END, CASE WHEN s.status = 'skipped' THEN $2::timestamp END
      FROM unnest($5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::int[]) AS s(id, run, step, action, status, attempt)
     WHERE EXISTS (SELECT 1 FROM claim)
    RETURNING *)
  SELECT (SELECT count(*) FROM claim)::int AS claimed,
    (SELECT json_agg(runs ORDER BY runs.number) FROM runs) AS runs, (SELECT json_agg(steps) FROM steps) AS steps`;

// BEGIN, the lock and the probe in one round trip: a simple query (no parameters), so the key is
// written as an escaped literal.
const openAndProbe = (lit: (s: string) => string, source: string, type: string) =>
  `BEGIN; SELECT pg_advisory_xact_lock_shared(${WAIT_LOCK_SPACE}, hashtext(${lit(`${source}/${type}`)}));
   SELECT EXISTS (SELECT 1 FROM "StepRun" WHERE status = 'waiting' AND "waitFor"->>'kind' = 'event'
     AND "waitFor"->>'source' = ${lit(source)} AND "waitFor"->>'type' = ${lit(type)} AND NOT ("waitFor" ? 'resolution')) AS waiting`;

export async function claimEventAndInsertRuns(event: { id: string; sourceKey: string; type: string }, runs: NewRunRow[], now: Date): Promise<HotCreate> {
  const client = await hotPool().connect();
  let open = false;
  try {
    open = true;
    const results = (await client.query(openAndProbe((v) => client.escapeLiteral(v), event.sourceKey, event.type))) as unknown as pg.QueryResult[];
    if (results[2].rows[0].waiting) return { kind: 'waiters' };
    const steps = runs.flatMap((r) => r.steps.map((s) => ({ ...s, runId: r.id })));
    const { rows } = await client.query(prepared(INSERT, [
      event.id, iso(now), runs.map((r) => r.id), runs.map((r) => r.versionId),
      steps.map((s) => s.id), steps.map((s) => s.runId), steps.map((s) => s.stepId), steps.map((s) => s.action), steps.map((s) => s.status), steps.map((s) => s.attempt),
    ]));
    if (rows[0].claimed === 0) return { kind: 'taken' };
    await client.query('COMMIT');
    open = false;
    return { kind: 'created', runs: assemble(rows[0].runs ?? [], rows[0].steps ?? []) };
  } finally {
    if (open) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

// json_agg writes timestamp(3) without a zone: those are UTC (as the hot pool's parser reads them).
const RUN_DATES = ['createdAt', 'startedAt', 'finishedAt'] as const;
const STEP_DATES = ['queuedAt', 'startedAt', 'finishedAt', 'wakeAt', 'leaseUntil'] as const;
const utc = (v: unknown) => (typeof v === 'string' ? new Date(`${v}Z`) : null);
function dated<T>(row: Record<string, unknown>, keys: readonly string[]): T {
  const out = { ...row };
  for (const k of keys) out[k] = utc(row[k]);
  return out as T;
}

function assemble(runs: Record<string, unknown>[], steps: Record<string, unknown>[]): InsertedRun[] {
  const byRun = new Map<string, StepRun[]>();
  for (const s of steps) {
    const step = dated<StepRun>(s, STEP_DATES);
    byRun.set(step.runId, [...(byRun.get(step.runId) ?? []), step]);
  }
  return runs.map((r) => {
    const run = dated<Run>(r, RUN_DATES);
    return { ...run, steps: byRun.get(run.id) ?? [] };
  });
}
