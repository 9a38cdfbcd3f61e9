import { z } from 'zod';
import { defineAction } from './definition';

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Waits before its dependants run. Waiting is a persisted step state (`waiting` with a wake-up time
 * in the database), not a sleeping job: a worker restart or a lost Redis must not lose or shorten
 * the wait, and a week-long delay must not pin a worker slot. The reconciler wakes the step when due.
 */
export const delay = defineAction({
  id: 'delay',
  title: 'Wait',
  description:
    'Pauses this branch of the workflow for a fixed time (up to 7 days). The wait is stored with the run, so it survives restarts.',
  kind: 'work',
  params: z.strictObject({
    ms: z.int().min(0).max(SEVEN_DAYS_MS).describe('How long to wait, in milliseconds (0 to 7 days).'),
  }),
  outputs: z.object({
    waitedMs: z.number().describe('How long the step actually waited, in milliseconds.'),
  }),
});
