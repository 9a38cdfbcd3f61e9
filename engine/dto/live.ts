// Messages on the capped Redis stream "live", relayed to browsers as server-sent events. Each
// message carries the full current DTO of what changed, so the client can write it straight into
// its react-query cache without refetching.
import { z } from 'zod';
import { eventSummarySchema } from './events';
import { logLineSchema, runSummarySchema, stepRunSchema } from './runs';

export const liveMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), event: eventSummarySchema }),
  z.object({ kind: z.literal('run'), run: runSummarySchema }),
  z.object({ kind: z.literal('step'), runId: z.string(), step: stepRunSchema }),
  // Log lines as a step produces them (shell output, plugin stderr), appended by the client.
  z.object({ kind: z.literal('log'), runId: z.string(), stepId: z.string(), lines: z.array(logLineSchema) }),
]);
export type LiveMessage = z.infer<typeof liveMessageSchema>;
