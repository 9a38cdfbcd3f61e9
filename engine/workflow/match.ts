// Does an event start this workflow? Source and type must match exactly; the optional filter then
// decides, evaluated over `{ event }` only (no steps, vars or secrets exist before the run).
import { evaluateCondition } from '../params/condition';
import type { EvaluateOptions } from '../params/template';
import type { WorkflowDefinition } from './schema';

export interface TriggerEvent {
  source: string;
  type: string;
  payload: unknown;
  headers?: Record<string, string>;
}

/**
 * Resolves false on a mismatch; rejects with a TemplateError when the filter itself fails (a type
 * error, a timeout), so the caller can record why instead of silently dropping the event.
 */
export async function matchesTrigger(
  def: Pick<WorkflowDefinition, 'trigger'>,
  event: TriggerEvent,
  opts?: EvaluateOptions,
): Promise<boolean> {
  const { source, type, filter } = def.trigger;
  if (event.source !== source || event.type !== type) return false;
  if (filter === undefined) return true;
  const ctx = { event: { source: event.source, type: event.type, payload: event.payload, headers: event.headers ?? {} } };
  return evaluateCondition(filter, ctx, opts);
}
