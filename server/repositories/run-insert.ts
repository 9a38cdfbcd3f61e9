// The event path's run creation on the hot pool (issue 11, docs/architecture.md "Hot paths"): the
// event's claim, its runs and every step row in ONE statement, inside a transaction that first
// takes the wait key's shared lock and checks that no step waits for this (source, type). That is
// the common case: the event starts runs and resolves nothing. When a step does wait, or a run
// needs more than rows (a concurrency key, a train, an audit entry), the caller takes the general
// path (runs/create-run.ts through Prisma), which resolves waits under the same lock. A run with a
// `lease` has its first ready step inserted claimed (running under that owner) and starts running:
// the event job that runs it next needs no claim (runs/create-run.ts createEventRunsHot).
// Why the lock before the probe: a step entering `waiting` takes the key exclusively and then looks
// back at the events already stored (runs/wait-events.ts). Holding it shared from before the probe
// to the commit means such a step either committed before the probe (and is found, so we fall
// back) or looks back after our commit (and finds this event).
import type pg from 'pg';
import type { Run, StepRun } from '../db/generated/client';
import { hotPool } from '../db/hot-pool';
import { iso } from './step-transition';

/** First key of the two-int advisory lock on (source, type) waits: a namespace ("RYWT"). */
export const WAIT_LOCK_SPACE = 0x52595754;

/** `running`: the step claimed at creation by the event job that will run it (lease set). */
export type NewStepRow = { id: string; stepId: string; action: string; status: 'queued' | 'pending' | 'skipped' | 'running'; attempt: number };
/** `lease`: this run's `running` step is claimed by `owner` until `until` (the run starts running). */
export type NewRunRow = { id: string; versionId: string; steps: NewStepRow[]; lease?: { owner: string; until: Date } };
export type InsertedRun = Run & { steps: StepRun[] };
/** The workflow's current grants, read in the creating transaction for a claimed step (as a claim reads them). */
export type VersionGrants = { versionId: string; name: string; shellAllowed: boolean; secretGrants: string[]; publisherRole: string | null };

export type HotCreate =
  | { kind: 'created'; runs: InsertedRun[]; grants: VersionGrants[] }
  /** Another worker processed the event first: nothing was written. */
  | { kind: 'taken' }
  /** A step waits for this kind of event: nothing was written, use the general path. */
  | { kind: 'waiters' };

// The whole transaction is ONE simple query (one round trip): BEGIN; the wait key's lock; then one
// statement that probes for waiters and, only when there are none, claims the event and inserts
// its runs and steps; COMMIT. The statement runs after the lock is granted, so its snapshot sees
// every waiter committed before (READ COMMITTED takes a snapshot per statement). A simple query
// has no parameters: every value is written as an escaped literal (escapeLiteral for strings,
// numbers from the code). With a waiter the statement writes nothing and the caller takes the
// general path. The probe's conditions are those of resolveWaitsInTx's query (runs/wait-events.ts).
function transaction(lit: (s: string) => string, event: { id: string; sourceKey: string; type: string }, runs: NewRunRow[], now: Date): string {
  const texts = (xs: (string | null)[]) => `ARRAY[${xs.map((x) => (x === null ? 'NULL' : lit(x))).join(',')}]::text[]`;
  const ints = (xs: number[]) => `ARRAY[${xs.map((n) => String(Math.trunc(n))).join(',')}]::int[]`;
  const steps = runs.flatMap((r) => r.steps.map((s) => ({ ...s, runId: r.id, lease: s.status === 'running' ? r.lease : undefined })));
  const at = `${lit(iso(now))}::timestamp`;
  const leased = runs.filter((r) => r.lease);
  return `BEGIN;
  SELECT pg_advisory_xact_lock_shared(${WAIT_LOCK_SPACE}, hashtext(${lit(`${event.sourceKey}/${event.type}`)}));
  WITH waiting AS (
    SELECT EXISTS (SELECT 1 FROM "StepRun" WHERE status = 'waiting' AND "waitFor"->>'kind' = 'event'
      AND "waitFor"->>'source' = ${lit(event.sourceKey)} AND "waitFor"->>'type' = ${lit(event.type)} AND NOT ("waitFor" ? 'resolution')) AS w),
  claim AS (
    UPDATE "Event" SET "processedAt" = ${at} WHERE id = ${lit(event.id)} AND "processedAt" IS NULL AND NOT (SELECT w FROM waiting) RETURNING id),
  runs AS (
    INSERT INTO "Run" (id, "workflowVersionId", "eventId", status, reason, vars, "createdAt", "startedAt")
    SELECT r.id, r.version, ${lit(event.id)}, r.status, 'event', '{}'::jsonb, ${at}, CASE WHEN r.status = 'running' THEN ${at} END
      FROM unnest(${texts(runs.map((r) => r.id))}, ${texts(runs.map((r) => r.versionId))}, ${texts(runs.map((r) => (r.lease ? 'running' : 'queued')))})
        WITH ORDINALITY AS r(id, version, status, n)
     WHERE EXISTS (SELECT 1 FROM claim) ORDER BY r.n
    RETURNING *),
  steps AS (
    INSERT INTO "StepRun" (id, "runId", "stepId", action, status, attempt, logs, "queuedAt", "finishedAt", "startedAt", "leaseUntil", "leaseOwner")
    SELECT s.id, s.run, s.step, s.action, s.status, s.attempt, '[]'::jsonb,
           CASE WHEN s.status IN ('queued', 'running') THEN ${at} END, CASE WHEN s.status = 'skipped' THEN ${at} END,
           CASE WHEN s.status = 'running' THEN ${at} END, s.until::timestamp, s.owner
      FROM unnest(${texts(steps.map((s) => s.id))}, ${texts(steps.map((s) => s.runId))}, ${texts(steps.map((s) => s.stepId))},
                  ${texts(steps.map((s) => s.action))}, ${texts(steps.map((s) => s.status))}, ${ints(steps.map((s) => s.attempt))},
                  ${texts(steps.map((s) => (s.lease ? iso(s.lease.until) : null)))}, ${texts(steps.map((s) => s.lease?.owner ?? null))})
        AS s(id, run, step, action, status, attempt, until, owner)
     WHERE EXISTS (SELECT 1 FROM claim)
    RETURNING *)${leased.length ? `,
  grants AS (
    SELECT v.id AS "versionId", w.name, w."shellAllowed", w."secretGrants", v."publisherRole"
      FROM "WorkflowVersion" v JOIN "Workflow" w ON w.id = v."workflowId"
     WHERE v.id = ANY(${texts(leased.map((r) => r.versionId))}) AND EXISTS (SELECT 1 FROM claim))` : ''}
  SELECT (SELECT w FROM waiting) AS waiting, (SELECT count(*) FROM claim)::int AS claimed,
    (SELECT json_agg(runs ORDER BY runs.number) FROM runs) AS runs, (SELECT json_agg(steps) FROM steps) AS steps,
    ${leased.length ? '(SELECT json_agg(grants) FROM grants)' : 'NULL'} AS grants;
  COMMIT`;
}

export async function claimEventAndInsertRuns(event: { id: string; sourceKey: string; type: string }, runs: NewRunRow[], now: Date): Promise<HotCreate> {
  const client = await hotPool().connect();
  let broken: Error | undefined;
  try {
    const results = (await client.query(transaction((v) => client.escapeLiteral(v), event, runs, now))) as unknown as pg.QueryResult[];
    const r = results[2].rows[0];
    if (r.waiting) return { kind: 'waiters' };
    if (r.claimed === 0) return { kind: 'taken' };
    return { kind: 'created', runs: assemble(r.runs ?? [], r.steps ?? []), grants: r.grants ?? [] };
  } catch (err) {
    // A failed statement leaves the block open and aborted (the rest of the query is skipped).
    await client.query('ROLLBACK').catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken); // a connection that cannot even roll back is closed, not pooled
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
