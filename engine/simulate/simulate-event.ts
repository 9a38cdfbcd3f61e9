// The whole simulation for one event: every live workflow listening to (source, type), with the
// workflow sent from the editor (if any) in place of the live version of the same name, by name.
import type { SimulateResult } from '../dto/simulate';
import type { EvaluateOptions } from '../params/template';
import type { WorkflowDefinition } from '../workflow/schema';
import { SIMULATE_TIMEOUT_MS, simulateWorkflow, type SimulateInput } from './simulate-workflow';

export interface SimulateEventInput {
  event: SimulateInput['event'];
  live: { definition: WorkflowDefinition; version: number }[];
  /** Not published yet: simulated in place of the live version named like it. */
  draft?: WorkflowDefinition;
}

export async function simulateEvent(input: SimulateEventInput, opts: EvaluateOptions = { timeoutMs: SIMULATE_TIMEOUT_MS }): Promise<SimulateResult> {
  const runs: SimulateInput[] = input.live
    .filter((v) => v.definition.name !== input.draft?.name)
    .map((v) => ({ definition: v.definition, version: v.version, event: input.event }));
  if (input.draft) runs.push({ definition: input.draft, version: null, draft: true, event: input.event });
  runs.sort((a, b) => (a.definition.name < b.definition.name ? -1 : a.definition.name > b.definition.name ? 1 : 0));
  const workflows = [];
  // One after the other: each expression is time-capped, and two cores are shared with the worker.
  for (const run of runs) workflows.push(await simulateWorkflow(run, opts));
  return { event: { source: input.event.source, type: input.event.type }, workflows };
}
