import { UnrecoverableError, type Job } from 'bullmq';
import { env } from '@/server/env';
import { jobCatalog } from '@/server/queue/jobs';
import { acceptingSteps, freeEventSlot, takeEventSlot } from '@/server/runs/active-steps';
import type { Hold } from '@/server/runs/settle-step';
import { executeStep, handBack } from '@/server/use-cases/execute-step';
import { processEvent } from '@/server/use-cases/process-event';

export async function eventProcessProcessor(job: Job): Promise<{ runIds: string[] }> {
  const parsed = jobCatalog['event.process'].payload.safeParse(job.data);
  // A malformed payload will never become valid: fail without retrying.
  if (!parsed.success) throw new UnrecoverableError(`bad event.process payload: ${parsed.error.message}`);
  // A new run's first step runs here, in this job, when a slot allows: no queue hop between an
  // event and its first step (issue 11). Its successors continue inline as any step's do.
  const inline = takeEventSlot(env().RAILYARD_WORKER_CONCURRENCY);
  const hold: Hold = {};
  try {
    const out = await processEvent(parsed.data.eventId, inline ? { hold } : {});
    if (hold.job) {
      // Shutdown may have begun while the runs were created: then the step goes to the queue
      // (released first when it was created claimed for us).
      if (acceptingSteps()) await executeStep({ ...hold.job, wake: false }, { held: true, claimed: hold.claimed });
      else await handBack(hold.job, hold.claimed);
    }
    await Promise.all(hold.after ?? []);
    return out;
  } catch (err) {
    // Failed after its runs were committed (this job's retry finds the event processed): the
    // held step gets its own job now (released if it was created claimed for us) rather than
    // waiting for the reconciler or its lease. The release is fenced: a step that did run
    // meanwhile is left alone, and its extra job is a no-op.
    if (hold.job) await handBack(hold.job, hold.claimed);
    throw err;
  } finally {
    if (inline) freeEventSlot();
  }
}
