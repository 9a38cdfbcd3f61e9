// The living documentation's contracts: GET /api/processes (every event type with who listens,
// emits and waits for it), GET /api/processes/{source}/{type}, and GET /api/search.
import { z } from 'zod';

export const stepDocSchema = z.object({
  id: z.string(),
  action: z.string(),
  actionTitle: z.string(),
  actionDescription: z.string().nullable(),
  description: z.string(),
  phrase: z.string(),
  when: z.string().nullable(),
  params: z.array(z.object({ name: z.string(), value: z.string(), help: z.string().nullable() })),
});
export type StepDocDto = z.infer<typeof stepDocSchema>;

const eventLinkSchema = z.object({ step: z.string(), kind: z.enum(['emits', 'awaits']), source: z.string(), type: z.string(), dynamic: z.boolean() });
const chainRefSchema = z.object({ workflow: z.string(), step: z.string(), source: z.string(), type: z.string(), kind: z.enum(['emits', 'awaits']) });

/** A workflow that listens to the event type, with everything needed to read (and draw) it. */
export const processListenerSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  description: z.string(),
  owner: z.string().nullable(),
  filter: z.string().nullable(),
  filterInWords: z.string().nullable(),
  /** The live version's definition, for the read-only canvas. */
  definition: z.unknown(),
  steps: z.array(stepDocSchema),
  /** The events its steps emit or wait for. */
  links: z.array(eventLinkSchema),
  upstream: z.array(chainRefSchema),
  downstream: z.array(chainRefSchema),
});
export type ProcessListenerDto = z.infer<typeof processListenerSchema>;

const stepRefSchema = z.object({ workflow: z.string(), step: z.string(), description: z.string(), match: z.string().nullable().optional() });

export const processEntrySchema = z.object({
  source: z.string(),
  type: z.string(),
  description: z.string(),
  registered: z.boolean(),
  hasSample: z.boolean(),
  listeners: z.array(processListenerSchema),
  emittedBy: z.array(stepRefSchema),
  awaitedBy: z.array(stepRefSchema),
});
export type ProcessEntryDto = z.infer<typeof processEntrySchema>;

export const SEARCH_KINDS = ['event-type', 'workflow', 'step', 'action'] as const;
export const SEARCH_MAX_QUERY = 200;

export const searchResultSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  /** Stable identifier: `source/type`, the workflow name, `workflow/step`, the action id. */
  name: z.string(),
  title: z.string(),
  /** A passage around the match; matched words are wrapped in « and ». */
  snippet: z.string(),
  href: z.string(),
});
export type SearchResultDto = z.infer<typeof searchResultSchema>;
