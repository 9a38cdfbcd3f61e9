// The notify queue: matching subscriptions (notify.match) and sending one delivery (notify.send).
// A malformed payload never becomes valid: it fails without retry; transient failures retry with
// the catalog's backoff.
import { UnrecoverableError, type Job } from 'bullmq';
import { jobCatalog } from '@/server/queue/jobs';
import { sendDelivery } from '@/server/subscriptions/deliver';
import { matchNotifications } from '@/server/subscriptions/match';

export async function notifyProcessor(job: Job): Promise<unknown> {
  if (job.name === 'notify.match') {
    const parsed = jobCatalog['notify.match'].payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad notify.match payload: ${parsed.error.message}`);
    return matchNotifications(parsed.data);
  }
  if (job.name === 'notify.send') {
    const parsed = jobCatalog['notify.send'].payload.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError(`bad notify.send payload: ${parsed.error.message}`);
    const attempts = job.opts.attempts ?? 1;
    return { outcome: await sendDelivery(parsed.data.deliveryId, job.attemptsMade + 1 >= attempts) };
  }
  throw new UnrecoverableError(`unknown job ${job.name} on the notify queue`);
}
