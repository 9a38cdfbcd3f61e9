// What a waiting step waits for. Waiting is persisted in StepRun.waitFor (never a sleeping job):
// a matching event, an approval decision or the deadline sets `resolution` and wakes the step.
import { z } from 'zod';

export const waitSpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('delay') }),
  z.object({
    kind: z.literal('event'),
    source: z.string(),
    type: z.string(),
    /** JSONata over the run context plus `candidate` (the arriving event). */
    match: z.string().optional(),
  }),
  z.object({
    kind: z.literal('approval'),
    message: z.string(),
    required: z.number().int().min(1),
    approvers: z.array(z.string()),
  }),
]);
export type WaitSpec = z.infer<typeof waitSpecSchema>;

export const decisionSchema = z.object({
  /** Display name of who decided. */
  by: z.string(),
  /** Who decided, as a stable identity (actorKey); distinct approvers are counted by it. */
  key: z.string().optional(),
  approve: z.boolean(),
  reason: z.string().nullable(),
  at: z.string(),
});
export type Decision = z.infer<typeof decisionSchema>;

/** The persisted state: the spec, decisions so far, and how the wait ended (once it has). */
export type WaitState = WaitSpec & {
  since: string;
  decisions?: Decision[];
  resolution?: { event?: unknown; approved?: boolean };
};

/** Approval outcome after a decision: rejected by anyone, approved once enough approve. */
export function approvalOutcome(required: number, decisions: readonly Decision[]): 'approved' | 'rejected' | 'pending' {
  if (decisions.some((d) => !d.approve)) return 'rejected';
  // Counted by identity, not display name: two people may share a name, one person cannot count twice.
  const approvers = new Set(decisions.filter((d) => d.approve).map((d) => d.key ?? d.by));
  return approvers.size >= required ? 'approved' : 'pending';
}
