// Messages on the capped Redis stream "live", relayed to browsers as server-sent events. Each
// message carries the current DTO of what changed, so the client can write it straight into its
// react-query cache without refetching; logs travel as deltas (engine/live/shape-messages.ts keeps
// every message under a size cap).
import { z } from 'zod';
import { eventSummarySchema } from './events';
import { logLineSchema, runSummarySchema, stepRunSchema } from './runs';
import { trainSummarySchema } from './trains';

/** A step without its logs (those come as `log` deltas); `logCount` lets a client detect a gap. */
export const liveStepSchema = stepRunSchema.omit({ logs: true }).extend({
  logCount: z.number().int().nonnegative(),
  /** Inputs or outputs were too large for the stream: fetch the run to see them. */
  truncated: z.boolean().optional(),
});
export type LiveStep = z.infer<typeof liveStepSchema>;

export const liveMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: eventSummarySchema }),
  z.object({ kind: z.literal('run'), run: runSummarySchema }),
  z.object({ kind: z.literal('step'), runId: z.string(), step: liveStepSchema }),
  // Log lines as a step produces them (shell output, plugin stderr). `offset` is the index of the
  // first line in the step's whole log: a client that holds fewer lines missed some and refetches.
  // `replace`: these lines replace everything from `offset` on (the tail of a log over its limit).
  z.object({
    kind: z.literal('log'),
    runId: z.string(),
    stepId: z.string(),
    offset: z.number().int().nonnegative(),
    lines: z.array(logLineSchema),
    replace: z.boolean().optional(),
  }),
  // A train departed, moved, arrived or was derailed: pages showing it or its pipeline refetch.
  z.object({ kind: z.literal('train'), train: trainSummarySchema }),
]);
export type LiveMessage = z.infer<typeof liveMessageSchema>;
export type LiveLogMessage = Extract<LiveMessage, { kind: 'log' }>;
