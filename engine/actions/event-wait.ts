import { z } from 'zod';
import { eventTypeString } from '../intake/event-type';
import { defineAction } from './definition';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Waits for a later event, e.g. the `jenkins / build-completed` of the build this run triggered.
 * The wait is persisted (no job sleeps); an event that arrived before the step started waiting
 * still counts, so a fast build cannot slip past.
 */
export const eventWait = defineAction({
  id: 'event.wait',
  title: 'Wait for an event',
  description: 'Pauses this branch until a matching event arrives (or fails after the timeout). Outputs the event.',
  kind: 'work',
  params: z.strictObject({
    source: z.string().min(1).describe('Source of the awaited event, e.g. jenkins.'),
    // The intake's rule: waiting for a type no event can have would only ever time out.
    type: eventTypeString().describe('Type of the awaited event, e.g. build-completed or repo:push.'),
    match: z
      .string()
      .min(1)
      .optional()
      .describe('JSONata, true for the awaited event. Sees the run context plus `candidate`, e.g. candidate.payload.build.number = steps.build.outputs.buildNumber.'),
    timeoutMs: z.int().min(1).max(THIRTY_DAYS_MS).default(60 * 60 * 1000).describe('Fail when nothing matched within this time (default 1 hour).'),
  }),
  outputs: z.object({
    event: z.object({ id: z.string(), source: z.string(), type: z.string(), payload: z.unknown() }).describe('The event that matched.'),
  }),
});
