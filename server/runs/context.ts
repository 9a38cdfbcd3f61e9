import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { RunContext } from '../actions/types';
import type { RunWithContext } from '../repositories/runs';
import type { Claimed } from './claim-step';

export const definitionOf = (run: RunWithContext) => run.workflowVersion.definition as unknown as WorkflowDefinition;

/** The `{event, steps, vars, secrets, run}` object that `{{ }}` expressions see. */
export function buildRunContext(run: RunWithContext, secrets: Record<string, string> = {}): RunContext {
  return {
    event: {
      id: run.event.id,
      source: run.event.sourceKey,
      type: run.event.type,
      payload: run.event.payload,
      headers: run.event.headers as Record<string, string>,
      receivedAt: run.event.receivedAt.toISOString(),
    },
    steps: Object.fromEntries(run.steps.map((s) => [s.stepId, { status: s.status, outputs: s.outputs ?? null }])),
    vars: run.vars as Record<string, unknown>,
    secrets,
    run: { id: run.id, number: run.number, workflow: run.workflowVersion.workflow.name, version: run.workflowVersion.version },
  };
}

/** The same context from a claim (claim-step.ts): nothing reloaded, the event from the cache. */
export function claimContext(c: Claimed, secrets: Record<string, string> = {}): RunContext {
  return {
    event: { id: c.event.id, source: c.event.sourceKey, type: c.event.type, payload: c.event.payload, headers: c.event.headers, receivedAt: c.event.receivedAt.toISOString() },
    steps: Object.fromEntries(Object.entries(c.steps).map(([id, s]) => [id, { status: s.status, outputs: s.outputs ?? null }])),
    vars: c.run.vars,
    secrets,
    run: { id: c.run.id, number: c.run.number, workflow: c.workflow.name, version: c.run.version },
  };
}
