// The context a simulated step is resolved against. The event is real; everything a run adds later
// is a visible stand-in (the editor preview's rule, engine/params/preview-context.ts): secrets are
// «secret NAME» (never loaded), outputs of earlier steps «steps.X.outputs.Y», run ids «run.id».
// Step statuses are the simulated ones (every step that runs is assumed to succeed), and `vars` are
// the values of earlier vars.set steps whose values depend on the event only.
import { previewContext, referencedPaths, type PreviewEvent } from '../params/preview-context';
import type { TemplateContext } from '../params/template';
import type { StepStatus } from '../run/status';

export interface SimulationState {
  event: PreviewEvent;
  workflow: string;
  version: number | null;
  /** Simulated statuses of the steps decided so far. */
  statuses: Record<string, StepStatus>;
  /** Variables known before running, as seen by the step being resolved. */
  vars: Record<string, unknown>;
  /** Variable names some step may set to a value known only at run time. */
  runtimeVars: ReadonlySet<string>;
}

const RUN_FIELDS_KNOWN = new Set(['workflow', 'version']);

/**
 * The references in `expressions` whose values exist only while the run is going, as dotted paths
 * (sorted, without duplicates). A step's status is not one: the simulation assumes success.
 */
export function runtimeReferences(expressions: readonly string[], state: Pick<SimulationState, 'event' | 'vars' | 'runtimeVars' | 'version'>): string[] {
  const found = new Set<string>();
  const paths = referencedPaths(expressions);
  // The AST walk also reports the root name of every longer path; only a truly bare root counts.
  const longer = new Set(paths.filter((p) => p.length > 1).map((p) => p[0]));
  for (const path of paths.filter((p) => p.length > 1 || !longer.has(p[0]))) {
    const [root, first, second] = path;
    const shown = path.slice(0, root === 'steps' ? 3 : 2).join('.');
    if (root === 'secrets') found.add(first ? `secrets.${first}` : 'secrets');
    else if (root === 'steps' && second !== 'status') found.add(shown);
    else if (root === 'vars' && (first === undefined || (!(first in state.vars) && state.runtimeVars.has(first)))) found.add(shown);
    else if (root === 'run' && (first === undefined || !RUN_FIELDS_KNOWN.has(first) || (first === 'version' && state.version === null))) found.add(shown);
    else if (root === 'event' && (first === 'id' || first === 'receivedAt') && state.event[first] === undefined) found.add(shown);
  }
  return [...found].sort();
}

export function simulationContext(expressions: readonly string[], state: SimulationState): TemplateContext {
  const ctx = previewContext({
    event: state.event,
    expressions,
    vars: state.vars,
    workflow: state.workflow,
    version: state.version ?? undefined,
  });
  const steps = (ctx.steps ?? {}) as Record<string, unknown>;
  for (const [id, status] of Object.entries(state.statuses)) {
    const at = steps[id];
    const outputs = at && typeof at === 'object' ? (at as { outputs?: unknown }).outputs : undefined;
    steps[id] = { status, outputs: outputs ?? `«steps.${id}.outputs»` };
  }
  // A variable nobody sets is absent at run time too; only ones a step may set get a stand-in.
  const vars = ctx.vars as Record<string, unknown>;
  for (const name of Object.keys(vars)) {
    if (!(name in state.vars) && !state.runtimeVars.has(name)) delete vars[name];
  }
  return { ...ctx, steps: steps as TemplateContext['steps'] };
}
