import { z } from 'zod';
import { defineAction } from './definition';

/** Writes one line to the step's log; handy for documenting a workflow's progress in the run view. */
export const log = defineAction({
  id: 'log',
  title: 'Log a message',
  description: "Writes a message to the step's log, visible in the run view.",
  kind: 'work',
  params: z.strictObject({
    message: z.string().describe('Text to log; may interpolate expressions such as {{ event.type }}.'),
    level: z.enum(['info', 'warn', 'error']).default('info').describe('Severity shown next to the line.'),
  }),
  outputs: z.object({
    message: z.string().describe('The message as logged, after template resolution.'),
  }),
});
