import { z } from 'zod';
import { RUN_STATUSES, STEP_STATUSES } from '../run/status';

export const logLineSchema = z.object({ at: z.string(), level: z.enum(['info', 'warn', 'error']), message: z.string() });
export type LogLine = z.infer<typeof logLineSchema>;

export const stepRunSchema = z.object({
  id: z.string(),
  action: z.string(),
  description: z.string(),
  needs: z.array(z.string()),
  status: z.enum(STEP_STATUSES),
  attempts: z.number().int(),
  inputs: z.unknown().nullable(),
  outputs: z.unknown().nullable(),
  error: z.string().nullable(),
  logs: z.array(logLineSchema),
  queuedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  wakeAt: z.string().nullable(),
  /** What a waiting step waits for (event, approval, delay), with decisions so far. */
  wait: z
    .object({
      kind: z.enum(['delay', 'event', 'approval']),
      since: z.string(),
      source: z.string().optional(),
      type: z.string().optional(),
      match: z.string().optional(),
      message: z.string().optional(),
      required: z.number().optional(),
      approvers: z.array(z.string()).optional(),
      decisions: z.array(z.object({ by: z.string(), approve: z.boolean(), reason: z.string().nullable(), at: z.string() })).optional(),
      resolved: z.boolean(),
    })
    .nullable(),
});
export type StepRunDto = z.infer<typeof stepRunSchema>;

export const runSummarySchema = z.object({
  id: z.string(),
  number: z.number().int(),
  status: z.enum(RUN_STATUSES),
  workflow: z.object({ name: z.string(), version: z.number().int() }),
  event: z.object({ id: z.string(), source: z.string(), type: z.string() }),
  error: z.string().nullable(),
  /** Why the run exists, and the run it re-runs or resumes. */
  reason: z.enum(['event', 'rerun', 'resume', 'replay']),
  previousRunId: z.string().nullable(),
  concurrencyKey: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const runDetailSchema = runSummarySchema.extend({
  vars: z.record(z.string(), z.unknown()),
  steps: z.array(stepRunSchema),
  /** Editor positions from the workflow's layout block, keyed by step id, when present. */
  layout: z.record(z.string(), z.object({ x: z.number(), y: z.number() })).nullable(),
  /** Events this run emitted (event.emit); the triggering event's parentRunId links back. */
  emittedEvents: z.array(z.object({ id: z.string(), source: z.string(), type: z.string(), receivedAt: z.string() })),
  /** Runs derived from this one (re-runs and resumes). */
  laterRuns: z.array(z.object({ id: z.string(), number: z.number().int(), reason: z.string() })),
});
export type RunDetail = z.infer<typeof runDetailSchema>;
