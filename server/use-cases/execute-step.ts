// Executes one step attempt (one BullMQ job): claim (a fenced lease) → resolve parameters (secrets
// only here, in the worker) → run the handler under the lease → decide the outcome → record it.
// Recording happens outside the handler's try block and is retried on its own (runs/step-outcome.ts):
// a handler whose side effect succeeded is never re-run because writing its result failed.
import type { WaitState } from '@/engine/run/wait';
import { can, isRole } from '@/engine/auth/roles';
import { evaluateCondition } from '@/engine/params/condition';
import { resolveTemplate } from '@/engine/params/template';
import { redactSecrets } from '@/engine/secrets/redact';
import { stepSecretNames } from '@/engine/workflow/validate-secrets';
import type { WorkflowStep } from '@/engine/workflow/schema';
import { resolveAction } from '../actions/catalog';
import { isPermanent, PermanentError, type ActionResult } from '../actions/types';
import { env } from '../env';
import { publishLive } from '../live/stream';
import { enqueueSafely } from '../queue/enqueue';
import { acceptingSteps, trackActiveStep } from '../runs/active-steps';
import { claimStepWithContext, stillHeld, type Claimed, type StepJob } from '../runs/claim-step';
import { claimContext } from '../runs/context';
import { LeaseLostError, ShutdownError, startHeartbeat, type Fence } from '../runs/lease';
import { releaseStep } from '../runs/release-step';
import { backoffMs } from '../runs/schedule-retry';
import { settleStep, type Hold } from '../runs/settle-step';
import { StepLogger } from '../runs/step-logger';
import { recordOutcome, type Outcome } from '../runs/step-outcome';
import { liveRun, liveStep } from '../runs/transition-live';
import { runWorkspace } from '../runs/workspace';
import { assertSecretsGranted, loadStepSecrets } from '../secrets/load-secrets';

export type { StepJob } from '../runs/claim-step';

/**
 * Runs `job`, then, while its settle queued exactly one successor of the same run, that successor
 * in the same job (inline continuation, runs/settle-step.ts): a chain of steps costs no Redis round
 * trip per step. Bounded, so a long chain gives its job slot back now and then, and never while
 * shutting down: the successor is then enqueued as usual.
 */
// `held`: the job is not a BullMQ job of its own (an event job's first step): a failure before its
// outcome is recorded enqueues it, as for an inline successor, instead of throwing.
// `claimed`: the step is already claimed for this job (an event job's first step, created claimed).
export async function executeStep(job: StepJob, opts: { owner?: string; held?: boolean; claimed?: Claimed } = {}): Promise<'ran' | 'stale' | 'released'> {
  let claimed: Claimed | undefined = opts.claimed;
  for (let depth = 1; ; depth++) {
    // A chain's next step is claimed by this step's settle when it may run here (one statement
    // for both, runs/settle-linear.ts).
    const hold: Hold = { claimNext: depth < env().RAILYARD_INLINE_STEPS };
    let result: Awaited<ReturnType<typeof executeOne>>;
    try {
      result = await executeOne(job, opts, hold, claimed);
    } catch (err) {
      if (depth === 1 && !opts.held) throw err; // BullMQ retries the job it gave us
      // An inline step has no job of its own to retry: give it one (its claim is conditional, so
      // a step that did start meanwhile makes it a no-op) rather than wait for the reconciler.
      console.warn(`[step] ${job.runId}.${job.stepId}.${job.attempt} (inline) failed before it was recorded: ${(err as Error).message}; enqueued`);
      await handBack(job, claimed);
      return 'ran';
    }
    if (!hold.job) return result;
    if (depth >= env().RAILYARD_INLINE_STEPS || !acceptingSteps()) {
      // Shutdown began while the step ran, or the job ran its share: the successor goes to the queue.
      await handBack(hold.job, hold.claimed);
      return result;
    }
    job = { ...hold.job, wake: false };
    claimed = hold.claimed;
  }
}
/**
 * Gives a step this job will not run a job of its own. One that a settle claimed for us is running
 * under our lease, which a new job could not claim until it ran out: it is released (queued, same
 * attempt, with a job). Otherwise, or if that write fails, the job is enqueued.
 */
export async function handBack(job: Omit<StepJob, 'wake'>, claimed?: Claimed): Promise<void> {
  const released = claimed ? await releaseStep(claimed.fence, { runId: job.runId, stepId: job.stepId, wake: false }).catch(() => false) : false;
  if (!released) await enqueueSafely('step.run', [job]);
}

async function executeOne(job: StepJob, opts: { owner?: string }, hold: Hold, preclaimed?: Claimed): Promise<'ran' | 'stale' | 'released'> {
  // One statement: the lease, the run marked running, and everything below reads (claim-step.ts);
  // or the previous step's settle claimed it and announced it already.
  const claimed = preclaimed ? await stillHeld(preclaimed) : await claimStepWithContext(job, opts.owner);
  if (!claimed) return 'stale';
  const { fence, run, step: self, definition } = claimed;
  // What a chain settle may build the successor's context from (runs/settle-linear.ts decides).
  hold.knownSteps = claimed.steps;
  const step = definition.steps.find((s) => s.id === job.stepId)!;
  if (run.status === 'cancelled') {
    await settleStep(self.id, run.id, { status: 'cancelled', error: 'run cancelled' }, fence);
    return 'ran';
  }
  // Not awaited: every later message of this step goes out on the same connection after it.
  const started = preclaimed ? Promise.resolve() : publishLive(liveStep(run.id, self, definition), liveRun(run, claimed.event));

  // Only the granted secrets this step names (grants read by the claim, i.e. fresh for each step).
  const secrets = await loadStepSecrets(claimed.workflow, stepSecretNames(step));
  const redact = <T>(value: T): T => redactSecrets(value, secrets) as T;
  const logger = new StepLogger(self.id, run.id, step.id, redact, fence);
  const controller = new AbortController();
  const untrack = trackActiveStep(controller);
  // The heartbeat runs until the outcome is recorded: a slow recording must not lose the lease.
  const stopHeartbeat = startHeartbeat(fence, run.id, controller);
  try {
    const outcome = await decideOutcome({ job, claimed, step, secrets, logger, controller, redact, fence });
    await started;
    // A settle carries the last log lines and the inputs in its own transaction; other outcomes
    // flush them first.
    const final = outcome.kind === 'settle' ? await logger.takeFinal() : (await logger.flush(), null);
    if (outcome.kind === 'lost') console.warn(`[step] ${job.runId}.${job.stepId}.${job.attempt}: lease lost, another worker has it`);
    const recorded = await recordOutcome(outcome, job, fence, final ?? undefined, hold);
    if (recorded === 'not-held') return 'stale';
    return outcome.kind === 'release' ? 'released' : 'ran';
  } finally {
    stopHeartbeat();
    untrack();
  }
}

/** Runs the attempt and turns whatever it ended with into an Outcome; never throws. */
async function decideOutcome(a: Attempt): Promise<Outcome> {
  try {
    const result = await runAttempt(a);
    if (result === 'skipped') return { kind: 'settle', settlement: { status: 'skipped' } };
    // The wait state is stored (StepRun.waitFor) and shown: it may carry resolved params.
    if ('wait' in result) return { kind: 'wait', wait: a.redact(result.wait), until: result.until };
    const settlement = { status: 'succeeded' as const, outputs: a.redact(result.outputs), vars: result.vars && a.redact(result.vars) };
    return { kind: 'settle', settlement };
  } catch (err) {
    const reason: unknown = a.controller.signal.aborted ? a.controller.signal.reason : undefined;
    if (err instanceof LeaseLostError || reason instanceof LeaseLostError) return { kind: 'lost' };
    if (reason instanceof ShutdownError) {
      a.logger.log('warn', `worker shutting down: attempt ${a.job.attempt} is handed to another worker`);
      return { kind: 'release' };
    }
    const message = a.redact(err instanceof Error ? err.message : String(err));
    a.logger.log('error', message);
    const attempts = a.step.retry?.attempts ?? 1;
    if (!isPermanent(err) && !a.controller.signal.aborted && a.job.attempt < attempts) {
      const delayMs = backoffMs(a.step.retry!, a.job.attempt);
      a.logger.log('warn', `attempt ${a.job.attempt} of ${attempts} failed; retrying in ${delayMs} ms`);
      return { kind: 'retry', delayMs, error: message };
    }
    return { kind: 'settle', settlement: { status: 'failed', error: message } };
  }
}

type Attempt = {
  job: StepJob;
  claimed: Claimed;
  step: WorkflowStep;
  secrets: Record<string, string>;
  logger: StepLogger;
  controller: AbortController;
  redact: <T>(value: T) => T;
  fence: Fence;
};

async function runAttempt(a: Attempt): Promise<ActionResult | 'skipped'> {
  assertSecretsGranted(a.claimed.workflow, a.step.id, stepSecretNames(a.step));
  const context = claimContext(a.claimed, a.secrets);
  if (a.step.if && !a.job.wake && !(await evaluateCondition(a.step.if, context))) {
    a.logger.log('info', `skipped: condition "${a.step.if}" is false`);
    return 'skipped';
  }
  const action = await resolveAction(a.step.action);
  if (!action) throw new PermanentError(`unknown action "${a.step.action}"`);
  if (a.step.action === 'shell.run') assertShellAllowed(a.claimed);
  const resolved = await resolveTemplate(a.step.with, context);
  const parsed = action.definition.params.safeParse(resolved);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'with'}: ${i.message}`).join('; ');
    throw new PermanentError(`invalid parameters: ${detail}`);
  }
  // Stored inputs are what the step saw, with every secret value masked: written with the next log
  // flush (within 200 ms) or with the outcome, whichever comes first, not as a write of their own.
  a.logger.setInputs(a.redact(resolved));

  const waitState = a.claimed.step.waitFor as WaitState | null;
  const result = await withTimeout(
    action.handler({
      params: parsed.data,
      context,
      idempotencyKey: `${a.claimed.run.id}.${a.step.id}.${a.job.attempt}`,
      signal: a.controller.signal,
      log: a.logger.log,
      resume: a.job.wake && waitState ? { waitingSince: new Date(waitState.since), state: waitState } : null,
      now: () => new Date(),
      workspace: () => runWorkspace(a.claimed.run.id),
    }),
    // Every step is bounded (RAILYARD_STEP_TIMEOUT_MS unless it sets its own). Waiting steps are
    // not held by it while they wait: waiting is a persisted state, not a running handler.
    a.step.timeoutMs ?? env().RAILYARD_STEP_TIMEOUT_MS,
    a.controller,
  );
  if ('outputs' in result) {
    const outputs = action.definition.outputs.safeParse(result.outputs);
    if (!outputs.success) throw new PermanentError(`action returned invalid outputs: ${outputs.error.message}`);
    return { ...result, outputs: outputs.data };
  }
  return result;
}

/**
 * Defence in depth behind the publishing check: shell.run runs only in versions an admin published,
 * or in workflows where an admin allowed it (read per step, so withdrawing the permission is immediate).
 */
function assertShellAllowed(c: Claimed): void {
  const w = c.workflow;
  if (w.shellAllowed || (isRole(w.publisherRole) && can(w.publisherRole, 'shell.publish'))) return;
  throw new PermanentError(
    `shell.run refused: version ${c.run.version} of "${w.name}" was published by ${w.publisherRole ?? 'an unknown role'}, not an admin, and shell.run is not allowed for this workflow`,
  );
}

/** Fails the attempt after `ms` and aborts the handler's signal so it can stop its work. */
async function withTimeout(p: Promise<ActionResult>, ms: number | undefined, controller: AbortController): Promise<ActionResult> {
  let timer: NodeJS.Timeout | undefined;
  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(controller.signal.reason instanceof Error ? controller.signal.reason : new Error('aborted'));
    if (controller.signal.aborted) fail();
    controller.signal.addEventListener('abort', fail, { once: true });
    if (ms) timer = setTimeout(() => controller.abort(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, aborted]);
  } finally {
    clearTimeout(timer);
  }
}
