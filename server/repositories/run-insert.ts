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
import type { Run, StepRun } from '../db/generated/client';
import { hotPool, prepared } from '../db/hot-pool';
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

// The whole transaction is ONE prepared call of ry_claim_event_runs (migration
// 20261201213000_claim_event_runs_function), in its own implicit transaction: the wait key's
// lock; then one statement that probes for waiters and, only when there are none, claims the event
// and inserts its runs and steps. The function takes a fresh snapshot for that statement, after
// the lock is granted, so it sees every waiter committed before. With a waiter it writes nothing
// and the caller takes the general path. A function rather than a simple query of BEGIN; lock;
// statement; COMMIT (what this was): the simple query's literals were parsed and planned at every
// event (0.6 ms of Postgres's time per event, measured with pg_stat_statements), where the
// function's statements are planned once per connection, and no value is spliced into SQL text.
const CLAIM_EVENT_RUNS = `SELECT o_waiting AS waiting, o_claimed AS claimed, o_runs AS runs, o_steps AS steps, o_grants AS grants
  FROM ry_claim_event_runs($1::int, $2::text, $3::text, $4::text, $5::text, $6::timestamp(3), $7::text[], $8::text[], $9::text[],
    $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::int[], $16::timestamp(3)[], $17::text[], $18::text[])`;

export async function claimEventAndInsertRuns(event: { id: string; sourceKey: string; type: string }, runs: NewRunRow[], now: Date): Promise<HotCreate> {
  const steps = runs.flatMap((r) => r.steps.map((s) => ({ ...s, runId: r.id, lease: s.status === 'running' ? r.lease : undefined })));
  const { rows } = await hotPool().query(prepared(CLAIM_EVENT_RUNS, [
    WAIT_LOCK_SPACE, `${event.sourceKey}/${event.type}`, event.id, event.sourceKey, event.type, iso(now),
    runs.map((r) => r.id), runs.map((r) => r.versionId), runs.map((r) => (r.lease ? 'running' : 'queued')),
    steps.map((s) => s.id), steps.map((s) => s.runId), steps.map((s) => s.stepId), steps.map((s) => s.action), steps.map((s) => s.status),
    steps.map((s) => Math.trunc(s.attempt)), steps.map((s) => (s.lease ? iso(s.lease.until) : null)), steps.map((s) => s.lease?.owner ?? null),
    runs.filter((r) => r.lease).map((r) => r.versionId),
  ]));
  const r = rows[0];
  if (r.waiting) return { kind: 'waiters' };
  if (r.claimed === 0) return { kind: 'taken' };
  return { kind: 'created', runs: assemble(r.runs ?? [], r.steps ?? []), grants: r.grants ?? [] };
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
