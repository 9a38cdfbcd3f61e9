// Persisted waits. A step enters `waiting` with its WaitState; whoever resolves it (a matching
// event, an approval decision) writes `resolution` with one conditional UPDATE (so exactly one
// resolver wins) and enqueues the wake job. The deadline is `wakeAt`; the reconciler wakes
// overdue steps even if Redis lost the delayed job.
import type { WaitSpec, WaitState } from '@/engine/run/wait';
import { evaluateCondition } from '@/engine/params/condition';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { enqueueSafely } from '../queue/enqueue';
import { findRun } from '../repositories/runs';
import { buildRunContext } from './context';
import { heldBy, type Fence } from './lease';
import { publishRun } from './publish-run';

type StepRef = { stepRunId: string; runId: string; stepId: string; attempt: number };

const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

/** Fenced when `fence` is given: false (nothing written) once the step is no longer held under it. */
export async function enterWait(step: StepRef, spec: WaitSpec, until: Date | null, fence?: Fence): Promise<boolean> {
  const state: WaitState = { ...spec, since: new Date().toISOString() };
  const { count } = await db().stepRun.updateMany({
    where: fence ? heldBy(fence) : { id: step.stepRunId },
    data: { status: 'waiting', waitFor: state as Prisma.InputJsonValue, wakeAt: until ?? FAR_FUTURE, leaseUntil: null },
  });
  if (count === 0) return false;
  if (until) await enqueueSafely('step.run', [{ ...step, wake: true, tag: 'deadline' }], { delayMs: Math.max(0, until.getTime() - Date.now()) });
  // An event may have arrived before the step started waiting (a fast CI build): look back.
  if (spec.kind === 'event') await matchEarlierEvents(step, spec);
  await publishRun(step.runId, [step.stepId]);
  return true;
}

/** Writes the resolution if none exists yet, then wakes the step. Returns whether it won. */
export async function resolveWait(step: StepRef, resolution: WaitState['resolution']): Promise<boolean> {
  const won = await db().$executeRaw`
    UPDATE "StepRun" SET "waitFor" = "waitFor" || jsonb_build_object('resolution', ${JSON.stringify(resolution)}::jsonb), "wakeAt" = now()
    WHERE id = ${step.stepRunId} AND status = 'waiting' AND NOT ("waitFor" ? 'resolution')`;
  if (won === 0) return false;
  await enqueueSafely('step.run', [{ ...step, wake: true, tag: 'resolved' }]);
  return true;
}

type Candidate = { id: string; sourceKey: string; type: string; payload: unknown; receivedAt: Date };

async function matches(runId: string, spec: Extract<WaitSpec, { kind: 'event' }>, e: Candidate): Promise<boolean> {
  if (!spec.match) return true;
  const run = await findRun(runId);
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

async function matchEarlierEvents(step: StepRef, spec: Extract<WaitSpec, { kind: 'event' }>) {
  // Since the run's own event arrived: the awaited event may even precede the run's creation.
  const run = await db().run.findUnique({ where: { id: step.runId }, select: { event: { select: { receivedAt: true } } } });
  const earlier = await db().event.findMany({
    where: { sourceKey: spec.source, type: spec.type, receivedAt: { gte: run?.event.receivedAt } },
    orderBy: { receivedAt: 'asc' },
    take: 200,
  });
  for (const e of earlier) {
    if (await matches(step.runId, spec, e)) {
      await resolveWait(step, eventResolution(e));
      return;
    }
  }
}

/** Called for every processed event: wakes the waiting steps it satisfies. */
export async function resolveWaitsForEvent(e: Candidate): Promise<number> {
  const waiting = await db().$queryRaw<{ id: string; runId: string; stepId: string; attempt: number; waitFor: WaitState }[]>`
    SELECT id, "runId", "stepId", attempt, "waitFor" FROM "StepRun"
    WHERE status = 'waiting' AND "waitFor"->>'kind' = 'event'
      AND "waitFor"->>'source' = ${e.sourceKey} AND "waitFor"->>'type' = ${e.type}
      AND NOT ("waitFor" ? 'resolution')`;
  let woken = 0;
  for (const w of waiting) {
    const spec = w.waitFor as Extract<WaitSpec, { kind: 'event' }>;
    if (!(await matches(w.runId, spec, e))) continue;
    if (await resolveWait({ stepRunId: w.id, runId: w.runId, stepId: w.stepId, attempt: w.attempt }, eventResolution(e))) woken++;
  }
  return woken;
}
