// The typed job catalog: queue → job name → payload schema → options. Producers go through
// enqueue.ts, consumers parse the payload with the same schema (worker/processors).
import { z } from 'zod';
import type { JobsOptions } from 'bullmq';

export const QUEUES = { events: 'events', steps: 'steps', notify: 'notify' } as const;

export const jobCatalog = {
  'event.process': {
    queue: QUEUES.events,
    payload: z.object({ eventId: z.string().min(1) }),
    // The event row is committed before this job exists; the id makes re-enqueues no-ops.
    jobId: (p: { eventId: string }) => `event.${p.eventId}`,
  },
  'step.run': {
    queue: QUEUES.steps,
    payload: z.object({
      stepRunId: z.string().min(1),
      runId: z.string(),
      stepId: z.string(),
      attempt: z.number().int().min(1),
      wake: z.boolean().default(false),
      /** Distinguishes jobs for one attempt that have different causes: a wait's deadline vs its
       *  resolution, or the reconciler taking over a step whose worker died. */
      tag: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
    }),
    // Deterministic `<runId>.<stepId>.<attempt>` (BullMQ ids may not contain ':'). Wake-ups and
    // recoveries get their own suffix: the original id may still be held by a dead worker's job.
    jobId: (p: { runId: string; stepId: string; attempt: number; wake?: boolean; tag?: string }) =>
      `${p.runId}.${p.stepId}.${p.attempt}${p.wake ? '.wake' : ''}${p.tag ? `.${p.tag}` : ''}`,
  },
  'notify.match': {
    queue: QUEUES.notify,
    // Which subscriptions hear of an event or a finished run (server/subscriptions/match.ts).
    payload: z.object({ subject: z.enum(['event', 'run']), id: z.string().min(1) }),
    jobId: (p: { subject: string; id: string }) => `notify-match.${p.subject}.${p.id}`,
    // Matching is idempotent (deliveries are unique per subject), so a transient failure retries.
    options: { attempts: 5, backoff: { type: 'exponential', delay: 1_000 } },
  },
  'notify.send': {
    queue: QUEUES.notify,
    // One delivery row to one channel; the row is inserted (unique) before the job exists.
    payload: z.object({ deliveryId: z.string().min(1) }),
    jobId: (p: { deliveryId: string }) => `notify-send.${p.deliveryId}`,
    options: { attempts: 5, backoff: { type: 'exponential', delay: 2_000 } },
  },
} as const;

/** Per-job options beside defaultJobOptions (notifications retry in BullMQ; steps do not). */
export const jobOptionsOf = (name: JobName): JobsOptions => ('options' in jobCatalog[name] ? (jobCatalog[name] as { options: JobsOptions }).options : {});

export type JobName = keyof typeof jobCatalog;
export type JobPayload<N extends JobName> = z.input<(typeof jobCatalog)[N]['payload']>;

export const defaultJobOptions: JobsOptions = {
  // Bounded history: enough to debug, never an unbounded Redis. Postgres keeps the real record.
  removeOnComplete: { count: 1000 },
  removeOnFail: { count: 5000 },
  // Retries of *steps* are decided by the engine from the workflow's retry policy (it knows which
  // errors are permanent); BullMQ retries only cover a worker crashing mid-job.
  attempts: 1,
};
