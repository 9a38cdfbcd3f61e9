// Executes one step attempt (one BullMQ job): claim → resolve parameters (secrets only here, in
// the worker) → run the handler under a lease → settle, retry or persist a wait.
import type { StepRun } from '../db/generated/client';
import type { WaitState } from '@/engine/run/wait';
import { can, isRole } from '@/engine/auth/roles';
import { evaluateCondition } from '@/engine/params/condition';
import { findExpressions, resolveTemplate } from '@/engine/params/template';
import { redactSecrets, secretNamesIn } from '@/engine/secrets/redact';
import type { WorkflowStep } from '@/engine/workflow/schema';
import { resolveAction } from '../actions/catalog';
import { isPermanent, PermanentError, type ActionResult } from '../actions/types';
import { findRun, markRunRunning, saveStepInputs, type RunWithContext } from '../repositories/runs';
import { claimStep, type StepJob } from '../runs/claim-step';
import { buildRunContext, definitionOf } from '../runs/context';
import { startHeartbeat } from '../runs/lease';
import { publishRun } from '../runs/publish-run';
import { backoffMs, scheduleRetry } from '../runs/schedule-retry';
import { settleStep } from '../runs/settle-step';
import { StepLogger } from '../runs/step-logger';
import { enterWait } from '../runs/waits';
import { runWorkspace } from '../runs/workspace';
import { loadSecrets } from '../secrets/load-secrets';

export type { StepJob } from '../runs/claim-step';

export async function executeStep(job: StepJob): Promise<'ran' | 'stale'> {
  if (!(await claimStep(job))) return 'stale';
  const run = (await findRun(job.runId))!;
  if (run.status === 'queued') {
    await markRunRunning(run.id);
    Object.assign(run, { status: 'running', startedAt: run.startedAt ?? new Date() });
  }
  const self = run.steps.find((s) => s.id === job.stepRunId)!;
  const step = definitionOf(run).steps.find((s) => s.id === job.stepId)!;
  if (run.status === 'cancelled') {
    await settleStep(self.id, run.id, { status: 'cancelled', error: 'run cancelled' });
    return 'ran';
  }
  await publishRun(run.id, [job.stepId], { loaded: run });

  const secrets = await loadSecrets(secretNamesIn(findExpressions({ with: step.with, if: step.if })));
  const redact = <T>(value: T): T => redactSecrets(value, secrets) as T;
  const logger = new StepLogger(self.id, run.id, step.id, redact);
  const controller = new AbortController();
  const stopHeartbeat = startHeartbeat(self.id, run.id, controller);
  try {
    const result = await runAttempt({ job, run, self, step, secrets, logger, controller, redact });
    await logger.flush();
    if (result === 'skipped') await settleStep(self.id, run.id, { status: 'skipped' });
    else if ('wait' in result) await enterWait(job, result.wait, result.until);
    else await settleStep(self.id, run.id, { status: 'succeeded', outputs: redact(result.outputs), vars: result.vars && redact(result.vars) });
  } catch (err) {
    const message = redact(err instanceof Error ? err.message : String(err));
    logger.log('error', message);
    await logger.flush();
    const attempts = step.retry?.attempts ?? 1;
    if (!isPermanent(err) && !controller.signal.aborted && job.attempt < attempts) {
      const delay = backoffMs(step.retry!, job.attempt);
      logger.log('warn', `attempt ${job.attempt} of ${attempts} failed; retrying in ${delay} ms`);
      await logger.flush();
      await scheduleRetry(self.id, job, delay, message);
    } else {
      await settleStep(self.id, run.id, { status: 'failed', error: message });
    }
  } finally {
    stopHeartbeat();
  }
  return 'ran';
}

type Attempt = {
  job: StepJob;
  run: RunWithContext;
  self: StepRun;
  step: WorkflowStep;
  secrets: Record<string, string>;
  logger: StepLogger;
  controller: AbortController;
  redact: <T>(value: T) => T;
};

async function runAttempt(a: Attempt): Promise<ActionResult | 'skipped'> {
  const context = buildRunContext(a.run, a.secrets);
  if (a.step.if && !a.job.wake && !(await evaluateCondition(a.step.if, context))) {
    a.logger.log('info', `skipped: condition "${a.step.if}" is false`);
    return 'skipped';
  }
  const action = await resolveAction(a.step.action);
  if (!action) throw new PermanentError(`unknown action "${a.step.action}"`);
  if (a.step.action === 'shell.run') assertShellAllowed(a.run);
  const resolved = await resolveTemplate(a.step.with, context);
  const parsed = action.definition.params.safeParse(resolved);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'with'}: ${i.message}`).join('; ');
    throw new PermanentError(`invalid parameters: ${detail}`);
  }
  // Stored inputs are what the step saw, with every secret value masked.
  await saveStepInputs(a.self.id, a.redact(resolved));

  const waitState = a.self.waitFor as WaitState | null;
  const result = await withTimeout(
    action.handler({
      params: parsed.data,
      context,
      idempotencyKey: `${a.run.id}.${a.step.id}.${a.job.attempt}`,
      signal: a.controller.signal,
      log: a.logger.log,
      resume: a.job.wake && waitState ? { waitingSince: new Date(waitState.since), state: waitState } : null,
      now: () => new Date(),
      workspace: () => runWorkspace(a.run.id),
    }),
    a.step.timeoutMs,
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
function assertShellAllowed(run: RunWithContext): void {
  const v = run.workflowVersion;
  if (v.workflow.shellAllowed || (isRole(v.publisherRole) && can(v.publisherRole, 'shell.publish'))) return;
  throw new PermanentError(
    `shell.run refused: version ${v.version} of "${v.workflow.name}" was published by ${v.publisherRole ?? 'an unknown role'}, not an admin, and shell.run is not allowed for this workflow`,
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
