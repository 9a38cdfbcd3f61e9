// The approvals inbox (GET /api/approvals): waiting approval steps the caller may decide.
import { z } from 'zod';

export const approvalItemSchema = z.object({
  runId: z.string(),
  runNumber: z.number().int(),
  workflow: z.object({ name: z.string(), version: z.number().int() }),
  stepId: z.string(),
  message: z.string(),
  required: z.number().int(),
  approvers: z.array(z.string()),
  decisions: z.array(z.object({ by: z.string(), approve: z.boolean(), reason: z.string().nullable(), at: z.string() })),
  since: z.string(),
  /** When the step times out; null when it waits indefinitely. */
  deadline: z.string().nullable(),
});
export type ApprovalItem = z.infer<typeof approvalItemSchema>;
