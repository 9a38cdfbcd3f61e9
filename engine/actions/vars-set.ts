import { z } from 'zod';
import { defineAction } from './definition';

/**
 * Merges values into the run's variables (`vars`), so later steps can read `{{ vars.name }}` instead of
 * repeating a long expression. It is `meta`: it touches no other system, only the run's own state.
 */
export const varsSet = defineAction({
  id: 'vars.set',
  title: 'Set variables',
  description: 'Sets run variables that later steps read as {{ vars.<name> }}. Existing names are overwritten.',
  kind: 'meta',
  params: z.strictObject({
    values: z.record(z.string(), z.unknown()).describe('Variable names and their values (literals or templates).'),
  }),
  outputs: z.object({
    values: z.record(z.string(), z.unknown()).describe('The values that were set, after template resolution.'),
  }),
});
