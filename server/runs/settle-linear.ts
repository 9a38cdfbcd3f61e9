// The chain fast path of a settle (repositories/step-linear.ts): one statement when this step's
// success makes exactly one step ready and nothing else changes. Only from the executor (a fenced
// attempt whose run's version and event the worker has cached); anything else settles the general
// way in settle-step.ts, and so does a chain whose statement found the run or successor moved.
// With `claimOwner` (the executor will run the successor itself) the same statement claims the
// successor: the transition then carries a Claimed instead of a job to enqueue.
import { isSinglePath, onlyActive, soleSuccessor } from '@/engine/workflow/dag';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { settleLinearRow } from '../repositories/step-linear';
import type { Claimed } from './claim-step';
import { leaseUntil, type Fence } from './lease';
import type { FinalWrite, Settlement, Transition } from './settle-step';
import { events, runKeys, versions } from './transition-cache';
import { liveLogs, liveStep } from './transition-live';

// Per cached (immutable) definition: whether its run is a single path (engine/workflow/dag.ts).
const singlePath = new WeakMap<WorkflowDefinition, boolean>();
const isSinglePathDef = (def: WorkflowDefinition) => {
  let v = singlePath.get(def);
  if (v === undefined) singlePath.set(def, (v = isSinglePath(def)));
  return v;
};

/**
 * The transition, false when the fence no longer matches, null to settle the general way.
 * `knownSteps`: every step's state as this step's claim read it. In a run that is a single path,
 * with no other step active (a resumed run can start two steps of one), they are still right when
 * the successor is claimed (the steps before it finished, with outputs that never change again;
 * the steps after it are pending), so the statement does not read every step again: a chain step
 * costs the same at step 100 as at step 2.
 */
export async function settleLinear(
  at: { stepRunId: string; runId: string; stepId?: string; now: Date }, s: Settlement, fence?: Fence, final?: FinalWrite, claimOwner?: string,
  knownSteps?: Claimed['steps'],
): Promise<(Transition & { claimed?: Claimed }) | false | null> {
  if (s.status !== 'succeeded' || !fence || !at.stepId) return null;
  const keys = runKeys.get(at.runId);
  const def = keys && versions.get(keys.versionId);
  const event = keys && events.get(keys.eventId);
  const successor = def && event ? soleSuccessor(def, at.stepId) : null;
  if (!def || !event || !successor) return null;
  const until = leaseUntil();
  const known = knownSteps && isSinglePathDef(def) && onlyActive(knownSteps, at.stepId) ? knownSteps : undefined;
  const r = await settleLinearRow(at.runId, at.stepRunId, successor, {
    status: 'succeeded', outputs: s.outputs, error: null, now: at.now, lines: final?.lines, inputs: final?.inputs, vars: s.vars,
  }, fence, claimOwner ? { owner: claimOwner, until, knownSteps: known } : undefined);
  if (r.kind === 'general') return null;
  if (r.kind === 'not-held') return false;
  const { run, self } = r;
  const next = r.kind === 'claimed' ? r.claimed : r.queued;
  const logs = final?.lines.length ? liveLogs(at.runId, self.stepId, self.logCount - final.lines.length, final.lines) : [];
  const transition: Transition = {
    // No run message: a chain step leaves the run's summary as it was (running, same start).
    messages: [...logs, liveStep(at.runId, self, def), liveStep(at.runId, next, def)],
    queued: r.kind === 'claimed' ? [] : [{ stepRunId: next.id, runId: at.runId, stepId: next.stepId, attempt: 1 }],
    runFinished: false,
    trainId: run.trainId,
    eventId: run.eventId,
  };
  if (r.kind !== 'claimed') return transition;
  const claimed: Claimed = {
    step: r.claimed, run: r.run, steps: r.steps, workflow: r.workflow, definition: def, event,
    fence: { stepRunId: r.claimed.id, attempt: 1, owner: claimOwner! }, until,
  };
  return { ...transition, claimed };
}
