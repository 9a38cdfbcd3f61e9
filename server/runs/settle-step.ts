// The one place a step reaches an end state. A chain's step (its success makes exactly one step
// ready and nothing else) settles in ONE statement (settle-linear.ts). Every other settle is ONE
// transaction of three statements on the hot pool (repositories/step-transition.ts). Statement 1 locks the run row (every state change of one run
// is serialised on it: fan-in siblings see each other's results, so a join is queued exactly once)
// and writes the step's end state under its fence, with the final log flush and its inputs.
// Statement 2 reads the steps' statuses after the lock. Statement 3 queues the steps that became
// ready, skips the ones that can never run, and writes the run's status and merged variables.
// After the commit, one Redis round trip: the live messages (built from the rows just written,
// never re-read) are written before the successors' jobs on the same connection, so a successor's
// "running" can never overtake this step's outcome on the live stream.
import { blockedSteps, readySteps } from '@/engine/workflow/dag';
import { deriveRunStatus, isTerminalRun, type RunStatus, type StepStatus } from '@/engine/run/status';
import type { LogLine } from '@/engine/dto/runs';
import { inHotTx } from '../db/hot-pool';
import { enqueueSafely } from '../queue/enqueue';
import { publishLive } from '../live/stream';
import { findClaimedBy } from '../repositories/step-linear';
import { advanceRun, lockRunAndSettleSelf, stepStatuses } from '../repositories/step-transition';
import { advanceTrainByRun } from '../use-cases/advance-train';
import { publishEventSummaries } from '../use-cases/publish-event';
import { acceptingSteps } from './active-steps';
import type { Claimed } from './claim-step';
import { cached } from './claim-step';
import { newLeaseOwner, type Fence } from './lease';
import { publishRun } from './publish-run';
import { releaseStep } from './release-step';
import { notifyAfterRun } from '../subscriptions/hooks';
import { startNextInLine } from './next-in-line';
import { liveLogs, liveRun, liveStep } from './transition-live';
import { settleLinear } from './settle-linear';
import type { LiveMessage } from '@/engine/dto/live';

export type Settlement = {
  status: 'succeeded' | 'failed' | 'skipped' | 'cancelled';
  outputs?: unknown;
  vars?: Record<string, unknown>;
  error?: string;
};

/** The executor's final log flush and the step's inputs, written in the settle transaction. */
export type FinalWrite = { lines: LogLine[]; inputs?: unknown };

/**
 * Inline continuation (issue 11): a caller that can run the next step itself passes `hold`. When
 * the transition queued exactly one step (of this run, no other run started), its job is put in
 * `hold.job` instead of Redis, and the caller claims it at once. The step row is `queued` like any
 * other: if this process dies before claiming it, the reconciler enqueues it (findDueSteps).
 */
export type Hold = {
  job?: { stepRunId: string; runId: string; stepId: string; attempt: number };
  /** Set by the caller: claim the successor in the settle's statement (a chain's next step), as
   *  `claimOwner`: one owner for every try of the settle, so a retry can tell its own claim. */
  claimNext?: boolean;
  claimOwner?: string;
  /** The successor, already claimed (and announced on the live stream) by the settle. */
  claimed?: Claimed;
  /** Every step's status and outputs as the running step's claim read them: for a run that is a
   *  single path, the settle that claims the successor builds its context from these instead of
   *  reading every step again (settle-linear.ts). */
  knownSteps?: Claimed['steps'];
  /** Best-effort work (never rejects) the holder awaits once the held step ran, so it does not
   *  delay the step's start: the event path's live messages and subscription probe. */
  after?: Promise<unknown>[];
};

/** What a settle wrote, for the messages and jobs that follow its commit. */
export type Transition = {
  messages: LiveMessage[];
  queued: { stepRunId: string; runId: string; stepId: string; attempt: number }[];
  runFinished: boolean;
  /** A queued run of the same concurrency key that this run's end started. */
  nextRunId?: string;
  trainId: string | null;
  eventId: string;
};

/**
 * Returns false (and writes nothing) when `fence` is given and no longer matches the step.
 * `stepId` lets a chain settle in one statement (settle-linear.ts); `hold` is inline continuation.
 */
export async function settleStep(
  stepRunId: string, runId: string, s: Settlement, fence?: Fence, final?: FinalWrite, opts: { hold?: Hold; stepId?: string } = {},
): Promise<boolean> {
  const now = new Date();
  // Decided now, not when the step started: a worker that began shutting down meanwhile claims nothing.
  const owner = opts.hold?.claimNext === true && acceptingSteps() ? (opts.hold.claimOwner ??= newLeaseOwner()) : undefined;
  const linear = await settleLinear({ stepRunId, runId, stepId: opts.stepId, now }, s, fence, final, owner, opts.hold?.knownSteps);
  if (linear === false) return lostClaim(runId, owner);
  if (linear?.claimed && opts.hold) {
    const c = linear.claimed;
    opts.hold.claimed = c;
    opts.hold.job = { stepRunId: c.step.id, runId, stepId: c.step.stepId, attempt: 1 };
  }
  const settled = linear ?? (await settleGeneral(stepRunId, runId, s, now, fence, final));
  if (!settled) return lostClaim(runId, owner);
  await afterCommit(runId, settled, opts.hold);
  return true;
}

/**
 * A settle that finds its step no longer held, on a retry after an earlier try committed but its
 * answer was lost (recordOutcome retries), may have claimed the successor in that try: release it
 * (queued, same attempt, a job of its own) instead of leaving it running until its lease runs out.
 */
async function lostClaim(runId: string, owner: string | undefined): Promise<false> {
  if (!owner) return false;
  const row = await findClaimedBy(runId, owner);
  if (row) await releaseStep({ stepRunId: row.id, attempt: row.attempt, owner }, { runId, stepId: row.stepId, wake: false });
  return false;
}

/** Three statements in one transaction: lock and write the step, read every status, advance. */
async function settleGeneral(stepRunId: string, runId: string, s: Settlement, now: Date, fence?: Fence, final?: FinalWrite): Promise<Transition | null> {
  return inHotTx(async (c): Promise<Transition | null> => {
    const locked = await lockRunAndSettleSelf(c, runId, stepRunId, {
      status: s.status, outputs: s.outputs, error: s.error ?? null, now, lines: final?.lines, inputs: final?.inputs,
    }, fence);
    if (!locked?.step) return null;
    const { run, step: self } = locked;
    const { definition: def, event } = await cached({ run });
    const rows = await stepStatuses(c, runId);
    const statuses: Record<string, StepStatus> = Object.fromEntries(rows.map((st) => [st.stepId, st.status as StepStatus]));
    const cancelled = run.status === 'cancelled';
    const ready = cancelled ? [] : readySteps(def, statuses);
    const blocked = blockedSteps(def, statuses);
    for (const id of ready) statuses[id] = 'queued';
    for (const id of blocked) statuses[id] = 'skipped';
    const status: RunStatus = cancelled ? 'cancelled' : deriveRunStatus(Object.values(statuses));
    const error = s.status === 'failed' ? `step "${self.stepId}" failed: ${s.error ?? 'unknown error'}` : undefined;
    const terminal = isTerminalRun(status);
    const after = await advanceRun(c, runId, { ready, blocked, status, vars: s.vars, error, terminal, now });
    const next = terminal
      ? await startNextInLine(async (text, params) => (await c.query(text, params)).rows, { workflowId: run.workflowId, key: run.concurrencyKey })
      : [];
    const summary = liveRun({ ...run, ...after.run }, event);
    const logs = final?.lines.length ? liveLogs(runId, self.stepId, self.logCount - final.lines.length, final.lines) : [];
    return {
      messages: [...logs, ...[self, ...after.queued, ...after.skipped].map((st) => liveStep(runId, st, def)), summary],
      queued: [...after.queued.map((st) => ({ stepRunId: st.id, runId, stepId: st.stepId, attempt: 1 })), ...next],
      runFinished: terminal,
      nextRunId: next[0]?.runId,
      trainId: run.trainId,
      eventId: run.eventId,
    };
  });
}

async function afterCommit(runId: string, t: Transition, hold?: Hold): Promise<void> {
  const { messages, queued, runFinished, nextRunId, trainId, eventId } = t;

  // One round trip: publishLive writes its XADDs on the shared connection before enqueueSafely's
  // MULTI is written (both issue their commands synchronously, in this order), and Redis runs a
  // connection's commands in order: the outcome is on the stream before any successor can start.
  if (nextRunId) {
    // Rare (a queued run of the same concurrency key starts): its own state goes out before its jobs.
    await publishLive(...messages);
    await publishRun(nextRunId);
    await enqueueSafely('step.run', queued);
  } else if (hold && queued.length === 1) {
    hold.job = queued[0];
    await publishLive(...messages);
  } else {
    await Promise.all([publishLive(...messages), enqueueSafely('step.run', queued)]);
  }
  if (runFinished) await publishEventSummaries([eventId]);
  // Workflow subscriptions (issue 12): one indexed probe per finished run when nobody listens.
  if (runFinished) await notifyAfterRun(runId);
  // Off the hot path unless the run works for a release train.
  if (runFinished && trainId) await advanceTrainByRun(runId).catch((err) => console.warn(`[trains] train ${trainId} not advanced by run ${runId}: ${(err as Error).message}`));
}
