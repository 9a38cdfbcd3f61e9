// What POST /api/simulate answers: for one event that was never sent, which workflows would start,
// how each filter evaluated, and what every step would do. Shared by the use-case, the Simulate
// page and the editor's Simulate dialog (which parse the answer with these schemas).
import { z } from 'zod';

export const simulatedConditionSchema = z.object({
  /** The expression as written (a step's `if`). */
  expression: z.string(),
  /** Its truthiness; null when it failed, or when it can only be decided while the run is going. */
  result: z.boolean().nullable(),
  /** The raw value, capped like an expression preview. */
  value: z.unknown().optional(),
  error: z.string().optional(),
  /** What it reads that is known only at run time (`steps.build.outputs`, `secrets.TOKEN`…). */
  decidedAtRunTime: z.array(z.string()).optional(),
});
export type SimulatedCondition = z.infer<typeof simulatedConditionSchema>;

export const simulatedStepSchema = z.object({
  id: z.string(),
  action: z.string(),
  description: z.string(),
  wouldRun: z.boolean(),
  /** Why it would be skipped, or what its running still depends on. */
  reason: z.string().optional(),
  condition: simulatedConditionSchema.optional(),
  /** Every `with` value resolved; secrets as «secret NAME», later outputs as «steps.X.outputs.Y». */
  params: z.record(z.string(), z.unknown()),
  /** Parameters whose expression failed (the param itself is null then). */
  problems: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type SimulatedStep = z.infer<typeof simulatedStepSchema>;

export const simulatedWorkflowSchema = z.object({
  name: z.string(),
  /** The live version simulated; null for a definition sent with the request (not published). */
  version: z.number().nullable(),
  /** True for the workflow sent with the request, simulated in place of its live version. */
  draft: z.boolean().optional(),
  matched: z.boolean(),
  /** Why it does not start, when it does not. */
  reason: z.string().optional(),
  filter: z.object({ expression: z.string().nullable(), result: z.boolean().nullable(), value: z.unknown().optional(), error: z.string().optional() }),
  steps: z.array(simulatedStepSchema),
});
export type SimulatedWorkflow = z.infer<typeof simulatedWorkflowSchema>;

export const simulateResultSchema = z.object({
  event: z.object({ source: z.string(), type: z.string() }),
  workflows: z.array(simulatedWorkflowSchema),
});
export type SimulateResult = z.infer<typeof simulateResultSchema>;

/** What the page and the dialog send. */
export interface SimulateRequest {
  source: string;
  type: string;
  payloadText: string;
  headers?: Record<string, string>;
  workflow?: string;
}
