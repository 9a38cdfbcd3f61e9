// What an attempt ended with, decided while the handler ran, and its recording afterwards (outside
// the handler's try block, so a failed write can never be mistaken for a failed step).
import type { WaitSpec } from '@/engine/run/wait';
import type { Fence } from './lease';
import { isPermanentDbError, RECORD_TRIES, recordWithRetries } from './record-outcome';
import { releaseStep } from './release-step';
import { scheduleRetry } from './schedule-retry';
import { settleStep, type FinalWrite, type Hold, type Settlement } from './settle-step';
import { enterWait } from './waits';

export type Outcome =
  | { kind: 'settle'; settlement: Settlement }
  | { kind: 'wait'; wait: WaitSpec; until: Date | null }
  | { kind: 'retry'; delayMs: number; error: string }
  /** Shutting down: hand the same attempt to another worker now. */
  | { kind: 'release' }
  /** Another worker holds the step: write nothing. */
  | { kind: 'lost' };

type Job = { stepRunId: string; runId: string; stepId: string; attempt: number; wake: boolean };

const write = (o: Outcome, job: Job, fence: Fence, final?: FinalWrite, hold?: Hold): (() => Promise<boolean>) | undefined => {
  switch (o.kind) {
    case 'settle':
      return () => settleStep(job.stepRunId, job.runId, o.settlement, fence, final, { hold, stepId: job.stepId });
    case 'wait':
      return () => enterWait(job, o.wait, o.until, fence);
    case 'retry':
      return () => scheduleRetry(fence, job, o.delayMs, o.error);
    case 'release':
      return () => releaseStep(fence, job);
    case 'lost':
      return undefined;
  }
};

/**
 * Records `o` under the fence. 'not-held': another worker owns the step (nothing was written).
 * Throws when Postgres could not be reached through every try: the step then stays `running` and,
 * once its lease expires, the same attempt (same idempotency key) runs again elsewhere.
 */
export async function recordOutcome(o: Outcome, job: Job, fence: Fence, final?: FinalWrite, hold?: Hold): Promise<'recorded' | 'not-held'> {
  const label = `${job.runId}.${job.stepId}.${job.attempt} ${o.kind === 'settle' ? o.settlement.status : o.kind}`;
  // `final` (the last log lines and the inputs) is written with a settle, in its transaction;
  // `hold` takes the one successor it queues, for the caller to run inline (settle-step.ts).
  const fn = write(o, job, fence, final, hold);
  if (!fn) return 'not-held';
  const first = await recordWithRetries(label, fn);
  if (first.result !== 'unrecorded') return first.result;
  const message = (first.error as Error)?.message ?? String(first.error);
  // A write Postgres refuses as such (e.g. outputs it cannot store) will never succeed: fail the
  // step with the reason rather than leave it to be re-run forever; if the refused value may have
  // been a last log line or an input, fail it without them.
  if (isPermanentDbError(first.error)) {
    const failed: Outcome = { kind: 'settle', settlement: { status: 'failed', error: `could not record the outcome: ${message}` } };
    const alreadyFailed = o.kind === 'settle' && o.settlement.status === 'failed';
    const fallbacks: [string, Outcome, FinalWrite | undefined][] = [
      ...(alreadyFailed ? [] : [[`${label} → failed`, failed, final] as [string, Outcome, FinalWrite | undefined]]),
      ...(final ? [[`${label} → failed, without its last log lines`, alreadyFailed ? o : failed, undefined] as [string, Outcome, FinalWrite | undefined]] : []),
    ];
    for (const [what, outcome, withFinal] of fallbacks) {
      const next = await recordWithRetries(what, write(outcome, job, fence, withFinal)!);
      if (next.result !== 'unrecorded') return next.result;
      if (!isPermanentDbError(next.error)) break;
    }
  }
  throw new Error(
    `could not record ${label} after ${RECORD_TRIES} tries (${message}); the step stays running until its lease expires, then the same attempt runs again`,
  );
}
