// The editor's history, diff and draft contracts (GET /api/workflows/{name}/versions, …/diff, …/draft).
import { z } from 'zod';

export const workflowVersionItemSchema = z.object({
  version: z.number().int(),
  createdAt: z.string(),
  /** Display name of the person, or `token:<name>` for an API token; null when unknown. */
  author: z.string().nullable(),
  message: z.string(),
});
export type WorkflowVersionItem = z.infer<typeof workflowVersionItemSchema>;

export const workflowChangeSchema = z.object({
  kind: z.string(),
  step: z.string().optional(),
  field: z.string().optional(),
  from: z.unknown().optional(),
  to: z.unknown().optional(),
  text: z.string(),
  layout: z.boolean().optional(),
});

export const workflowDiffSchema = z.object({
  from: z.number().int(),
  to: z.number().int(),
  changes: z.array(workflowChangeSchema),
  /** Changes that only move nodes, kept apart so they never drown the real ones. */
  layoutOnly: z.boolean(),
  text: z.string(),
});
export type WorkflowDiffDto = z.infer<typeof workflowDiffSchema>;

export const workflowDraftSchema = z.object({
  name: z.string(),
  yaml: z.string(),
  baseVersion: z.number().int().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
});
export type WorkflowDraftDto = z.infer<typeof workflowDraftSchema>;
