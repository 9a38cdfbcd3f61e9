// Matching events to steps that wait for them, without ever missing one. Two writers meet here:
// a step entering `waiting` (then looking back at events that already arrived) and an event being
// processed (then looking for waiting steps). Each does its write and its read in ONE transaction,
// and the two exclude each other per (source, type) with an advisory lock: wait entry takes it
// exclusively, event processing shared (events never wait for each other). So whichever commits
// second sees the other's row: an event is either found by the look-back or finds the waiter.
// A crash rolls the whole transaction back: the event stays unprocessed (the reconciler re-runs
// it) or the step stays running (its lease expires and the same attempt runs again).
import type { WaitSpec, WaitState } from '@/engine/run/wait';
import { evaluateCondition } from '@/engine/params/condition';
import type { Tx } from '../db/client';
import { WAIT_LOCK_SPACE } from '../repositories/run-insert';
import { runWithContext, type RunWithContext } from '../repositories/runs';
import { buildRunContext } from './context';

export type StepRef = { stepRunId: string; runId: string; stepId: string; attempt: number };
export type Candidate = { id: string; sourceKey: string; type: string; payload: unknown; receivedAt: Date };
type EventSpec = Extract<WaitSpec, { kind: 'event' }>;

// First key of the two-int advisory lock: a namespace, so other advisory locks cannot collide
// (shared with the event path's one-round-trip run creation).
const LOCK_SPACE = WAIT_LOCK_SPACE;

export async function lockWaitKey(tx: Tx, source: string, type: string, mode: 'shared' | 'exclusive'): Promise<void> {
  const key = `${source}/${type}`;
  if (mode === 'shared') await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${LOCK_SPACE}::int, hashtext(${key}))`;
  else await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_SPACE}::int, hashtext(${key}))`;
}

/** Writes the resolution if none exists yet (one conditional UPDATE: exactly one resolver wins). */
export async function writeResolution(tx: Tx, stepRunId: string, resolution: WaitState['resolution']): Promise<boolean> {
  // wakeAt = now(): should the wake job be lost (crash, Redis), the reconciler finds it overdue.
  const won = await tx.$executeRaw`
    UPDATE "StepRun" SET "waitFor" = "waitFor" || jsonb_build_object('resolution', ${JSON.stringify(resolution)}::jsonb), "wakeAt" = now()
    WHERE id = ${stepRunId} AND status = 'waiting' AND NOT ("waitFor" ? 'resolution')`;
  return won > 0;
}

async function matches(run: RunWithContext | null, spec: EventSpec, e: Candidate): Promise<boolean> {
  if (!spec.match) return true;
  if (!run) return false;
  const candidate = { id: e.id, source: e.sourceKey, type: e.type, payload: e.payload, receivedAt: e.receivedAt.toISOString() };
  try {
    return await evaluateCondition(spec.match, { ...buildRunContext(run), candidate });
  } catch (err) {
    console.warn(`[wait] match "${spec.match}" failed: ${(err as Error).message}`);
    return false;
  }
}

const eventResolution = (e: Candidate) => ({ event: { id: e.id, source: e.sourceKey, type: e.type, payload: e.payload } });

/**
 * Inside the wait-entry transaction, after the step is marked waiting and the lock is held: the
 * earliest event since the run's own event that satisfies the wait, if any, resolves it.
 */
export async function resolveFromEarlierEvents(tx: Tx, step: StepRef, spec: EventSpec, run: RunWithContext): Promise<boolean> {
  // Since the run's own event arrived: the awaited event may even precede the run's creation.
  const earlier = await tx.event.findMany({
    where: { sourceKey: spec.source, type: spec.type, receivedAt: { gte: run.event.receivedAt } },
    orderBy: { receivedAt: 'asc' },
    take: 200,
  });
  for (const e of earlier) {
    if (await matches(run, spec, e)) return writeResolution(tx, step.stepRunId, eventResolution(e));
  }
  return false;
}

/**
 * Inside the transaction that marks `e` processed: resolves every wait it satisfies. The caller
 * wakes the returned steps after commit.
 */
export async function resolveWaitsInTx(tx: Tx, e: Candidate): Promise<StepRef[]> {
  await lockWaitKey(tx, e.sourceKey, e.type, 'shared');
  // The same conditions as the hot path's waiter probe (repositories/run-insert.ts): keep them equal.
  const waiting = await tx.$queryRaw<{ id: string; runId: string; stepId: string; attempt: number; waitFor: WaitState }[]>`
    SELECT id, "runId", "stepId", attempt, "waitFor" FROM "StepRun"
    WHERE status = 'waiting' AND "waitFor"->>'kind' = 'event'
      AND "waitFor"->>'source' = ${e.sourceKey} AND "waitFor"->>'type' = ${e.type}
      AND NOT ("waitFor" ? 'resolution')`;
  const won: StepRef[] = [];
  for (const w of waiting) {
    const spec = w.waitFor as EventSpec;
    const run = spec.match ? await tx.run.findUnique({ where: { id: w.runId }, include: runWithContext }) : null;
    if (!(await matches(run, spec, e))) continue;
    if (await writeResolution(tx, w.id, eventResolution(e))) won.push({ stepRunId: w.id, runId: w.runId, stepId: w.stepId, attempt: w.attempt });
  }
  return won;
}
