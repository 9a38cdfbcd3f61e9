import { UnrecoverableError, type Job } from 'bullmq';
import { jobCatalog } from '@/server/queue/jobs';
import { executeStep } from '@/server/use-cases/execute-step';

export async function stepRunProcessor(job: Job): Promise<string> {
  const parsed = jobCatalog['step.run'].payload.safeParse(job.data);
  if (!parsed.success) throw new UnrecoverableError(`bad step.run payload: ${parsed.error.message}`);
  return executeStep(parsed.data);
}
