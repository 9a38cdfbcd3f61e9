// Creating a run, shared by event processing, re-run, resume and replay. Concurrency is decided
// here under a Postgres advisory lock per (workflow, key), so any number of workers agree.
import { resolveTemplate } from '@/engine/params/template';
import { blockedSteps, readySteps } from '@/engine/workflow/dag';
import type { StepStatus } from '@/engine/run/status';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { Tx } from '../db/client';
import type { Event, Prisma, StepRun } from '../db/generated/client';
import { newCuid } from '../repositories/cuid';
import { claimEventAndInsertRuns, type NewRunRow, type VersionGrants } from '../repositories/run-insert';
import { cancelRunInTx } from './cancel-in-tx';

export type NewRun = {
  version: { id: string; workflowId: string; definition: unknown };
  event: Event;
  reason: 'event' | 'rerun' | 'resume' | 'replay';
  previousRunId?: string;
  /** Resume: succeeded steps of the previous run keep their inputs and outputs. */
  carry?: StepRun[];
  vars?: Record<string, unknown>;
  /** Who caused it (see Run.startedBy); approvals refuse this person's decision. */
  startedBy?: string;
};

export type QueuedStep = { stepRunId: string; runId: string; stepId: string; attempt: number };

export async function lockConcurrencyKey(tx: Tx, workflowId: string, key: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${workflowId}:${key}`}))`;
}

async function lockTrainForRun(tx: Tx, trainId: string) {
  const rows = await tx.$queryRaw<{ startedBy: string | null; status: string; number: number; finishedAt: Date | null }[]>`
    SELECT "startedBy", status, number, "finishedAt" FROM "Train" WHERE id = ${trainId} FOR SHARE`;
  return rows[0] ?? null;
}

export type CreatedRunRow = Prisma.RunGetPayload<{ include: { steps: true } }>;

/** A new step's status when nothing is carried or held: ready ones queued, blocked ones skipped. */
const freshStatus = (id: string, ready: Set<string>, blocked: Set<string>) =>
  ready.has(id) ? ('queued' as const) : blocked.has(id) ? ('skipped' as const) : ('pending' as const);

// `row`: what the INSERT returned, so the caller can publish the run without reading it back.
export async function createRun(tx: Tx, n: NewRun): Promise<{ runId: string; queued: QueuedStep[]; cancelled: string[]; row: CreatedRunRow }> {
  const def = n.version.definition as WorkflowDefinition;
  const now = new Date();
  let key: string | null = null;
  let hold: 'none' | 'queue' | 'skip' = 'none';
  let error: string | null = null;
  const cancelled: string[] = [];
  // A train's runs carry its id (station progress) and its starter (no self-approval of one's
  // release). The train is read FOR SHARE, so a derail in progress is waited for: an event of a
  // derailed train received before the derail (a station reached just before it, a run's child
  // event) starts nothing; the run is recorded cancelled. train.derailed's own workflows, and
  // events that came after the derail, run as usual.
  const train = n.event.trainId ? await lockTrainForRun(tx, n.event.trainId) : null;
  const derailed = train?.status === 'derailed' && train.finishedAt !== null && n.event.receivedAt < train.finishedAt
    && !(n.event.sourceKey === 'railyard' && n.event.type === 'train.derailed');
  if (derailed) {
    hold = 'skip';
    error = `cancelled: train ${train!.number} was derailed`;
  } else if (def.concurrency) {
    const eventCtx = { id: n.event.id, source: n.event.sourceKey, type: n.event.type, payload: n.event.payload, headers: n.event.headers };
    key = String(await resolveTemplate(def.concurrency.key, { event: eventCtx }));
    await lockConcurrencyKey(tx, n.version.workflowId, key);
    const active = await tx.run.findMany({
      where: { concurrencyKey: key, status: { in: ['queued', 'running'] }, workflowVersion: { workflowId: n.version.workflowId } },
      select: { id: true, number: true },
    });
    if (active.length > 0) {
      const onConflict = def.concurrency.onConflict;
      if (onConflict === 'skip') {
        hold = 'skip';
        error = `skipped: run #${active[0].number} with concurrency key "${key}" is still active`;
      } else if (onConflict === 'queue') {
        hold = 'queue';
      } else {
        for (const r of active) {
          await cancelRunInTx(tx, r.id, `cancelled: a newer run with concurrency key "${key}" started`);
          cancelled.push(r.id);
        }
      }
    }
  }

  const carried = new Map((n.carry ?? []).filter((s) => s.status === 'succeeded').map((s) => [s.stepId, s]));
  const statuses: Record<string, StepStatus> = Object.fromEntries([...carried.keys()].map((id) => [id, 'succeeded' as const]));
  const ready = hold === 'none' ? new Set(readySteps(def, statuses)) : new Set<string>();
  const blocked = hold === 'none' ? new Set(blockedSteps(def, statuses)) : new Set<string>();
  const stepRow = (id: string, action: string): Prisma.StepRunCreateWithoutRunInput => {
    const old = carried.get(id);
    if (old) {
      return { stepId: id, action, status: 'succeeded', attempt: old.attempt, inputs: old.inputs ?? undefined, outputs: old.outputs ?? undefined,
        logs: [{ at: now.toISOString(), level: 'info', message: `kept from run ${n.previousRunId}` }], startedAt: old.startedAt, finishedAt: old.finishedAt };
    }
    if (hold === 'skip') return { stepId: id, action, status: 'skipped', finishedAt: now };
    const status = freshStatus(id, ready, blocked);
    if (status === 'queued') return { stepId: id, action, status, attempt: 1, queuedAt: now };
    if (status === 'skipped') return { stepId: id, action, status, finishedAt: now };
    return { stepId: id, action, status };
  };

  const trainId = n.event.trainId;
  const startedBy = n.startedBy ?? train?.startedBy ?? undefined;
  const run = await tx.run.create({
    data: {
      workflowVersionId: n.version.id,
      eventId: n.event.id,
      status: hold === 'skip' ? 'cancelled' : 'queued',
      reason: n.reason,
      previousRunId: n.previousRunId,
      startedBy,
      trainId,
      concurrencyKey: key,
      error,
      finishedAt: hold === 'skip' ? now : undefined,
      vars: (n.vars ?? {}) as Prisma.InputJsonValue,
      steps: { create: def.steps.map((s) => stepRow(s.id, s.action)) },
    },
    include: { steps: true },
  });
  return { runId: run.id, queued: queuedOf(run), cancelled, row: run };
}

/**
 * Whether an event's runs can be created by the hot path: plain rows, nothing to decide under a
 * lock (no concurrency key, no train to read FOR SHARE).
 */
export const hotCreatable = (event: Pick<Event, 'trainId'>, versions: NewRun['version'][]) =>
  !event.trainId && versions.every((v) => !(v.definition as WorkflowDefinition).concurrency);

/**
 * The event path's common case in one transaction sent as one round trip (repositories/run-insert.ts):
 * claims the event and writes its runs, exactly as createRun would for reason "event" with nothing
 * carried or held. 'taken': another worker claimed it; 'general': a step waits for this kind of
 * event, so the caller creates the runs the general way (which resolves the wait in the same
 * transaction).
 * With `lease`, the first run's first ready step is created claimed by `lease.owner` (running,
 * attempt 1, its run running), for the event job that runs it next (worker/processors/
 * event-process.ts): no claim statement and no "running" message of its own. Should the job die
 * before running it, it is a running step whose lease runs out, recovered like any claimed step.
 * `grants` is the workflow's current grants for that step, read in the same transaction.
 */
export async function createEventRunsHot(event: Event, versions: NewRun['version'][], lease?: { owner: string; until: Date }):
  Promise<{ runs: CreatedRun[]; held?: HeldStep } | 'taken' | 'general'> {
  let leased = false;
  const rows: NewRunRow[] = versions.map((v) => {
    const def = v.definition as WorkflowDefinition;
    const ready = new Set(readySteps(def, {}));
    const blocked = new Set(blockedSteps(def, {}));
    // The first ready step of the first run that has one is the holder's.
    const held = lease && !leased ? def.steps.find((s) => ready.has(s.id))?.id : undefined;
    leased ||= held !== undefined;
    return {
      id: newCuid(), versionId: v.id,
      steps: def.steps.map((s) => {
        const status = s.id === held ? ('running' as const) : freshStatus(s.id, ready, blocked);
        return { id: newCuid(), stepId: s.id, action: s.action, status, attempt: status === 'queued' || status === 'running' ? 1 : 0 };
      }),
      ...(held && { lease }),
    };
  });
  const out = await claimEventAndInsertRuns(event, rows, new Date());
  if (out.kind === 'taken') return 'taken';
  if (out.kind === 'waiters') return 'general';
  const runs = out.runs.map((run) => ({ runId: run.id, queued: queuedOf(run), cancelled: [], row: run }));
  const runIndex = runs.findIndex((r) => r.row.status === 'running');
  if (runIndex < 0) return { runs };
  const step = runs[runIndex].row.steps.find((st) => st.status === 'running')!;
  const grants = out.grants.find((g) => g.versionId === runs[runIndex].row.workflowVersionId);
  if (!grants) throw new Error(`run ${runs[runIndex].runId}: its workflow's grants were not read`);
  return { runs, held: { runIndex, step, grants } };
}

export type CreatedRun = Awaited<ReturnType<typeof createRun>>;
/** The step createEventRunsHot created claimed: which run, its row, its workflow's grants. */
export type HeldStep = { runIndex: number; step: StepRun; grants: VersionGrants };

const queuedOf = (run: CreatedRunRow): QueuedStep[] =>
  run.steps.filter((s) => s.status === 'queued').map((s) => ({ stepRunId: s.id, runId: run.id, stepId: s.stepId, attempt: s.attempt }));
