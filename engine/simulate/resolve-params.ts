// A step's `with` resolved for the simulation, one parameter at a time, so one failing expression
// names its field and the others still show their values.
import { capPreview } from '../params/preview-context';
import { findExpressions, resolveTemplate, TemplateError, type EvaluateOptions } from '../params/template';
import { simulationContext, type SimulationState } from './context';

export const PARAM_VALUE_MAX_CHARS = 8 * 1024;

export interface ResolvedParams {
  params: Record<string, unknown>;
  problems: { field: string; message: string }[];
}

/** `cap: false` keeps whole values (variables feed later steps); the answer's params are capped. */
export async function resolveParams(
  withValues: Record<string, unknown>,
  state: SimulationState,
  opts: EvaluateOptions,
  { cap = true }: { cap?: boolean } = {},
): Promise<ResolvedParams> {
  const params: Record<string, unknown> = {};
  const problems: ResolvedParams['problems'] = [];
  for (const [field, value] of Object.entries(withValues)) {
    try {
      const resolved = await resolveTemplate(value, simulationContext(findExpressions(value), state), opts);
      params[field] = cap ? capPreview(resolved, PARAM_VALUE_MAX_CHARS).value : resolved;
    } catch (err) {
      if (!(err instanceof TemplateError)) throw err;
      params[field] = null;
      problems.push({ field, message: err.message });
    }
  }
  return { params, problems };
}
