import { UnrecoverableError, type Job } from 'bullmq';
import { jobCatalog } from '@/server/queue/jobs';
import { processEvent } from '@/server/use-cases/process-event';

export async function eventProcessProcessor(job: Job): Promise<{ runIds: string[] }> {
  const parsed = jobCatalog['event.process'].payload.safeParse(job.data);
  // A malformed payload will never become valid: fail without retrying.
  if (!parsed.success) throw new UnrecoverableError(`bad event.process payload: ${parsed.error.message}`);
  return processEvent(parsed.data.eventId);
}
