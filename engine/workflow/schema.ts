// The workflow's text form (DESIGN.md "The text form"). Every object is strict: in a file people
// review in git, a misspelt key (`depends_on:`) must be an error, not silently ignored.
import { z } from 'zod';

export const WORKFLOW_API_VERSION = 'railyard/v1';
export const WORKFLOW_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const STEP_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

export const triggerSchema = z.strictObject({
  source: z.string().min(1).describe('Event source key, e.g. github or jenkins.'),
  type: z.string().min(1).describe('Event type, e.g. build-finished.'),
  filter: z.string().min(1).optional().describe('JSONata over { event }; the workflow runs only when truthy.'),
});

export const concurrencySchema = z.strictObject({
  key: z.string().min(1).describe('Template; runs with the same resolved key do not overlap.'),
  onConflict: z.enum(['queue', 'cancel-running', 'skip']).describe('What a new run does when one with its key is active.'),
});

export const retrySchema = z.strictObject({
  attempts: z.int().min(1).max(20),
  backoff: z.enum(['fixed', 'exponential']).default('fixed'),
  delayMs: z.int().min(0).default(1000),
});

export const stepSchema = z.strictObject({
  // Stable id: expressions refer to steps.<id>, so it must be a valid JSONata name, and renaming
  // the display text (description) never rewrites expressions.
  id: z.string().regex(STEP_ID_PATTERN, 'must start with a letter and contain only letters, digits, _ and -'),
  action: z.string().min(1),
  description: z.string().default(''),
  with: z.record(z.string(), z.unknown()).default({}),
  needs: z.array(z.string()).default([]),
  if: z.string().min(1).optional(),
  retry: retrySchema.optional(),
  timeoutMs: z.int().min(1).optional(),
});

export const layoutSchema = z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() }));

export const workflowSchema = z.strictObject({
  apiVersion: z.literal(WORKFLOW_API_VERSION),
  kind: z.literal('Workflow'),
  name: z.string().max(64).regex(WORKFLOW_NAME_PATTERN, 'must be lower-case letters, digits and -, starting with a letter or digit'),
  description: z.string().default(''),
  enabled: z.boolean().default(true),
  trigger: triggerSchema,
  concurrency: concurrencySchema.optional(),
  steps: z.array(stepSchema).min(1, 'a workflow needs at least one step'),
  layout: layoutSchema.optional(),
});

/** A validated workflow, defaults applied. */
export type WorkflowDefinition = z.output<typeof workflowSchema>;
/** What an author may write: defaulted fields optional. */
export type WorkflowInput = z.input<typeof workflowSchema>;
export type WorkflowStep = z.output<typeof stepSchema>;
export type WorkflowTrigger = z.output<typeof triggerSchema>;
