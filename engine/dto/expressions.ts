// Contracts of the editor's expression endpoints: the preview of a template or condition, and
// the sample data behind `event.payload…` completion.
import { z } from 'zod';

export const PREVIEW_TYPES = ['string', 'number', 'boolean', 'null', 'object', 'array', 'undefined'] as const;

/** POST /api/expressions/preview: the resolved value (cut with a marker past the cap), or why it failed. */
export const previewResultSchema = z.union([
  z.object({ value: z.unknown(), type: z.enum(PREVIEW_TYPES), truncated: z.boolean() }),
  z.object({ error: z.string() }),
]);
export type PreviewResult = z.infer<typeof previewResultSchema>;

/** GET /api/event-types/{source}/{type}/sample: the registered sample and the newest stored events. */
export const eventTypeSampleSchema = z.object({
  source: z.string(),
  type: z.string(),
  samplePayload: z.unknown().nullable(),
  recent: z.array(
    z.object({
      id: z.string(),
      receivedAt: z.string(),
      /** null when the payload is too large to send for completion. */
      payload: z.unknown().nullable(),
    }),
  ),
});
export type EventTypeSample = z.infer<typeof eventTypeSampleSchema>;
