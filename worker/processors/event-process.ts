import { UnrecoverableError, type Job } from 'bullmq';
import { env } from '@/server/env';
import { jobCatalog } from '@/server/queue/jobs';
import { freeEventSlot, takeEventSlot } from '@/server/runs/active-steps';
import type { Hold } from '@/server/runs/settle-step';
import { executeStep } from '@/server/use-cases/execute-step';
import { processEvent } from '@/server/use-cases/process-event';

export async function eventProcessProcessor(job: Job): Promise<{ runIds: string[] }> {
  const parsed = jobCatalog['event.process'].payload.safeParse(job.data);
  // A malformed payload will never become valid: fail without retrying.
  if (!parsed.success) throw new UnrecoverableError(`bad event.process payload: ${parsed.error.message}`);
  // A new run's first step runs here, in this job, when a slot allows: no queue hop between an
  // event and its first step (issue 11). Its successors continue inline as any step's do.
  const inline = takeEventSlot(env().RAILYARD_WORKER_CONCURRENCY);
  try {
    const hold: Hold = {};
    const out = await processEvent(parsed.data.eventId, inline ? { hold } : {});
    if (hold.job) await executeStep({ ...hold.job, wake: false }, { held: true });
    await Promise.all(hold.after ?? []);
    return out;
  } finally {
    if (inline) freeEventSlot();
  }
}
