// The workflow's text form (DESIGN.md "The text form"). Every object is strict: in a file people
// review in git, a misspelt key (`depends_on:`) must be an error, not silently ignored.
import { z } from 'zod';
import { eventTypeString } from '../intake/event-type';

export const WORKFLOW_API_VERSION = 'railyard/v1';
export const WORKFLOW_NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const STEP_ID_PATTERN = /^[A-Za-z][A-Za-z0-9_-]*$/;

export const triggerSchema = z.strictObject({
  source: z.string().min(1).describe('Event source key, e.g. github or jenkins.'),
  // The intake's own rule: a trigger on a type the intake refuses could never fire.
  type: eventTypeString().describe('Event type as the source names it, e.g. build-finished or repo:push.'),
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

export const EDGE_CONDITIONS = ['success', 'failure', 'always'] as const;
export type EdgeCondition = (typeof EDGE_CONDITIONS)[number];

/** A need is a step id (runs after it succeeded) or `{ step, on }` for failure/always edges. */
export const needSchema = z.union([
  z.string(),
  z.strictObject({ step: z.string(), on: z.enum(EDGE_CONDITIONS).default('success') }),
]);

const stepObjectSchema = z.strictObject({
  // Stable id: expressions refer to steps.<id>, so it must be a valid JSONata name, and renaming
  // the display text (description) never rewrites expressions.
  id: z.string().regex(STEP_ID_PATTERN, 'must start with a letter and contain only letters, digits, _ and -'),
  action: z.string().min(1),
  description: z.string().default(''),
  with: z.record(z.string(), z.unknown()).default({}),
  needs: z.array(needSchema).default([]),
  /** Normalised edge conditions (only non-`success` ones); written by the transform below. */
  needsOn: z.record(z.string(), z.enum(EDGE_CONDITIONS)).optional(),
  if: z.string().min(1).optional(),
  retry: retrySchema.optional(),
  timeoutMs: z.int().min(1).optional(),
});

// Normalised form: `needs` is always a list of ids, and edges that are not plain "after success"
// are kept in `needsOn`, so graph code stays simple and the text form round-trips.
export const stepSchema = stepObjectSchema.transform(({ needs, needsOn, ...step }) => {
  const on: Record<string, EdgeCondition> = { ...needsOn };
  const ids = needs.map((n) => {
    if (typeof n === 'string') return n;
    if (n.on !== 'success') on[n.step] = n.on;
    return n.step;
  });
  return { ...step, needs: ids, ...(Object.keys(on).length > 0 && { needsOn: on }) };
});

export const layoutSchema = z.record(z.string(), z.strictObject({ x: z.number(), y: z.number() }));

export const workflowSchema = z.strictObject({
  apiVersion: z.literal(WORKFLOW_API_VERSION),
  kind: z.literal('Workflow'),
  name: z.string().max(64).regex(WORKFLOW_NAME_PATTERN, 'must be lower-case letters, digits and -, starting with a letter or digit'),
  description: z.string().default(''),
  /** Who to ask about this process: a person or a team ("delivery team", "ada@example.com"). */
  owner: z.string().trim().min(1).max(200).optional(),
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
