import { z } from 'zod';

export const PRESETS = ['generic', 'github', 'gitlab', 'jira', 'jenkins', 'bitbucket'] as const;
export type Preset = (typeof PRESETS)[number];
export const AUTH_MODES = ['token', 'hmac', 'gitlab-token'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export const sourceSchema = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  preset: z.enum(PRESETS),
  authMode: z.enum(AUTH_MODES),
  createdAt: z.string(),
});
export type SourceDto = z.infer<typeof sourceSchema>;

export const workflowRefSchema = z.object({
  name: z.string(),
  version: z.number().int(),
  description: z.string(),
  enabled: z.boolean(),
  filter: z.string().nullable(),
});
export type WorkflowRef = z.infer<typeof workflowRefSchema>;

export const eventTypeSchema = z.object({
  source: z.string(),
  type: z.string(),
  description: z.string(),
  samplePayload: z.unknown().nullable(),
  registered: z.boolean(),
  workflows: z.array(workflowRefSchema),
});
export type EventTypeDto = z.infer<typeof eventTypeSchema>;

/** GET /api/registry: sources, each with its event types and the workflows bound to each. */
export const registrySchema = z.array(sourceSchema.extend({ eventTypes: z.array(eventTypeSchema) }));
export type RegistryDto = z.infer<typeof registrySchema>;

export const workflowDetailSchema = z.object({
  name: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  version: z.number().int(),
  versions: z.array(z.object({ version: z.number().int(), createdAt: z.string() })),
  trigger: z.object({ source: z.string(), type: z.string(), filter: z.string().optional() }),
  definition: z.unknown(),
  yaml: z.string(),
  /** Names of the secrets an admin granted to this workflow (never their values). */
  secretGrants: z.array(z.string()).default([]),
});
export type WorkflowDetail = z.infer<typeof workflowDetailSchema>;
