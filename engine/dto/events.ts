// Shapes the API sends to the browser and the CLI. Never Prisma rows: the server maps rows to
// these and the client may parse them with the same schemas.
import { z } from 'zod';
import { RUN_STATUSES } from '../run/status';

export const runRefSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  workflow: z.string(),
  version: z.number().int(),
  status: z.enum(RUN_STATUSES),
});
export type RunRef = z.infer<typeof runRefSchema>;

export const eventSummarySchema = z.object({
  id: z.string(),
  source: z.string(),
  type: z.string(),
  deliveryId: z.string().nullable(),
  receivedAt: z.string(),
  registered: z.boolean(),
  runs: z.array(runRefSchema),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

export const eventDetailSchema = eventSummarySchema.extend({
  payload: z.unknown(),
  body: z.string(),
  headers: z.record(z.string(), z.string()),
  processedAt: z.string().nullable(),
  parentRunId: z.string().nullable(),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;
