// Persisted waits. A step enters `waiting` with its WaitState; whoever resolves it (a matching
// event, an approval decision) writes `resolution` with one conditional UPDATE (so exactly one
// resolver wins) and enqueues the wake job after its commit. The deadline is `wakeAt`; the
// reconciler wakes overdue steps even if Redis lost the delayed job.
import type { WaitSpec, WaitState } from '@/engine/run/wait';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { enqueueSafely } from '../queue/enqueue';
import { findRun } from '../repositories/runs';
import { heldBy, type Fence } from './lease';
import { publishRun } from './publish-run';
import { lockWaitKey, resolveFromEarlierEvents, resolveWaitsInTx, writeResolution, type Candidate, type StepRef } from './wait-events';

const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

/**
 * Fenced when `fence` is given: false (nothing written) once the step is no longer held under it.
 * Marking the step waiting and looking back for an event that already arrived commit together,
 * under the (source, type) lock that event processing also takes (wait-events.ts): a crash or a
 * concurrent event can no longer leave the step waiting for an event that came and went.
 */
export async function enterWait(step: StepRef, spec: WaitSpec, until: Date | null, fence?: Fence): Promise<boolean> {
  const state: WaitState = { ...spec, since: new Date().toISOString() };
  const run = spec.kind === 'event' ? await findRun(step.runId) : null; // the match context; immutable enough
  const entered = await db().$transaction(async (tx) => {
    if (spec.kind === 'event') await lockWaitKey(tx, spec.source, spec.type, 'exclusive');
    const { count } = await tx.stepRun.updateMany({
      where: fence ? heldBy(fence) : { id: step.stepRunId },
      data: { status: 'waiting', waitFor: state as Prisma.InputJsonValue, wakeAt: until ?? FAR_FUTURE, leaseUntil: null },
    });
    if (count === 0) return null;
    // An event may have arrived before the step started waiting (a fast CI build): look back.
    return { resolved: spec.kind === 'event' && run !== null && (await resolveFromEarlierEvents(tx, step, spec, run)) };
  });
  if (!entered) return false;
  if (until) await enqueueSafely('step.run', [{ ...step, wake: true, tag: 'deadline' }], { delayMs: Math.max(0, until.getTime() - Date.now()) });
  if (entered.resolved) await wakeResolved([step]);
  await publishRun(step.runId, [step.stepId]);
  return true;
}

/** Writes the resolution if none exists yet, then wakes the step. Returns whether it won. */
export async function resolveWait(step: StepRef, resolution: WaitState['resolution']): Promise<boolean> {
  if (!(await writeResolution(db(), step.stepRunId, resolution))) return false;
  await wakeResolved([step]);
  return true;
}

/** After the commit that resolved them; a lost enqueue is re-done by the reconciler (wakeAt = now). */
export async function wakeResolved(steps: readonly StepRef[]): Promise<void> {
  if (steps.length > 0) await enqueueSafely('step.run', steps.map((s) => ({ ...s, wake: true, tag: 'resolved' })));
}

/** Resolves and wakes the steps waiting for `e`, in a transaction of its own (tests, tools). */
export async function resolveWaitsForEvent(e: Candidate): Promise<number> {
  const won = await db().$transaction((tx) => resolveWaitsInTx(tx, e));
  await wakeResolved(won);
  return won.length;
}
