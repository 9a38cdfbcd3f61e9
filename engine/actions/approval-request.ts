import { z } from 'zod';
import { defineAction } from './definition';

const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** Asks people for an approval; the step waits (persisted) until enough approve or one rejects. */
export const approvalRequest = defineAction({
  id: 'approval.request',
  title: 'Ask for approval',
  description: 'Pauses this branch until enough people approve; a rejection or the timeout fails the step.',
  kind: 'work',
  params: z.strictObject({
    message: z.string().min(1).describe('What is being approved, shown to the approvers.'),
    approvers: z.array(z.string()).default([]).describe('Roles, emails or user ids who may decide (never display names); empty means releasers and above.'),
    required: z.int().min(1).max(10).default(1).describe('How many distinct approvals are needed.'),
    timeoutMs: z.int().min(1).max(THIRTY_DAYS_MS).optional().describe('Fail when not decided within this time.'),
  }),
  outputs: z.object({
    approved: z.boolean().describe('Always true on success (a rejection fails the step).'),
    decisions: z.array(z.object({ by: z.string(), approve: z.boolean(), reason: z.string().nullable(), at: z.string() })),
  }),
});
