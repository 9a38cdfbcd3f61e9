// Executes one step attempt (one BullMQ job). The database decides whether the job is still due:
// the claim is a conditional update, so a duplicate or stale job is a no-op.
import { getAction } from '@/engine/actions/catalog';
import type { LogLine } from '@/engine/dto/runs';
import { evaluateCondition } from '@/engine/params/condition';
import { resolveTemplate } from '@/engine/params/template';
import { db } from '../db/client';
import type { Prisma } from '../db/generated/client';
import { handlerFor } from '../actions/handler-registry';
import { isPermanent, PermanentError, type ActionResult } from '../actions/types';
import { enqueueSafely } from '../queue/enqueue';
import { findRun } from '../repositories/runs';
import { buildRunContext, definitionOf } from '../runs/context';
import { publishRun } from '../runs/publish-run';
import { settleStep } from '../runs/settle-step';
import { runWorkspace } from '../runs/workspace';
import { backoffMs, scheduleRetry } from '../runs/schedule-retry';

export type StepJob = { stepRunId: string; runId: string; stepId: string; attempt: number; wake: boolean };

export async function executeStep(job: StepJob): Promise<'ran' | 'stale'> {
  const now = new Date();
  const claim = await db().stepRun.updateMany({
    where: job.wake
      ? { id: job.stepRunId, status: 'waiting', attempt: job.attempt, wakeAt: { lte: now } }
      : { id: job.stepRunId, status: 'queued', attempt: job.attempt },
    data: job.wake ? { status: 'running' } : { status: 'running', startedAt: now, wakeAt: null },
  });
  if (claim.count === 0) return 'stale';
  await db().run.updateMany({ where: { id: job.runId, status: 'queued' }, data: { status: 'running', startedAt: now } });

  const run = (await findRun(job.runId))!;
  const self = run.steps.find((s) => s.id === job.stepRunId)!;
  await publishRun(run.id, [job.stepId]);
  const def = definitionOf(run);
  const step = def.steps.find((s) => s.id === job.stepId)!;
  const logs: LogLine[] = [];
  const log = (level: LogLine['level'], message: string) => logs.push({ at: new Date().toISOString(), level, message });
  const context = buildRunContext(run);

  try {
    if (step.if && !job.wake && !(await evaluateCondition(step.if, context))) {
      log('info', `skipped: condition "${step.if}" is false`);
      await settleStep(self.id, run.id, { status: 'skipped', logs });
      return 'ran';
    }
    const action = getAction(step.action);
    const handler = handlerFor(step.action);
    if (!action || !handler) throw new PermanentError(`unknown action "${step.action}"`);
    const resolved = await resolveTemplate(step.with, context);
    const parsed = action.params.safeParse(resolved);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'with'}: ${i.message}`).join('; ');
      throw new PermanentError(`invalid parameters: ${detail}`);
    }
    await db().stepRun.update({ where: { id: self.id }, data: { inputs: resolved as Prisma.InputJsonValue } });

    const controller = new AbortController();
    const result = await withTimeout(
      handler({
        params: parsed.data,
        context,
        idempotencyKey: `${run.id}.${step.id}.${job.attempt}`,
        signal: controller.signal,
        log,
        resume: job.wake && self.startedAt ? { waitingSince: self.startedAt } : null,
        now: () => new Date(),
        workspace: () => runWorkspace(run.id),
      }),
      step.timeoutMs,
      controller,
    );
    if ('waitUntil' in result) {
      await db().stepRun.update({
        where: { id: self.id },
        data: { status: 'waiting', wakeAt: result.waitUntil, logs: [...(self.logs as LogLine[]), ...logs] },
      });
      const delayMs = Math.max(0, result.waitUntil.getTime() - Date.now());
      await enqueueSafely('step.run', [{ ...job, wake: true }], { delayMs });
      await publishRun(run.id, [job.stepId]);
      return 'ran';
    }
    const outputs = action.outputs.safeParse(result.outputs);
    if (!outputs.success) throw new PermanentError(`action returned invalid outputs: ${outputs.error.message}`);
    await settleStep(self.id, run.id, { status: 'succeeded', outputs: outputs.data, vars: result.vars, logs });
  } catch (err) {
    const message = (err as Error).message ?? String(err);
    log('error', message);
    const attempts = step.retry?.attempts ?? 1;
    if (!isPermanent(err) && job.attempt < attempts) {
      const delay = backoffMs(step.retry!, job.attempt);
      log('warn', `attempt ${job.attempt} of ${attempts} failed; retrying in ${delay} ms`);
      await scheduleRetry(self.id, job, delay, message, logs);
    } else {
      await settleStep(self.id, run.id, { status: 'failed', error: message, logs });
    }
  }
  return 'ran';
}

async function withTimeout(p: Promise<ActionResult>, ms: number | undefined, controller: AbortController): Promise<ActionResult> {
  if (!ms) return p;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timed out after ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([p, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
