// The editor's and the read-only views' picture of a workflow: one trigger node, one node per
// step, one edge per `needs` (carrying its condition). Ids are step ids; the trigger's id is
// TRIGGER_ID, which no step can take (step ids start with a letter). Pure: React Flow nodes are
// made from this in components/flow-editor.
import type { EdgeCondition, WorkflowStep } from './schema';

export const TRIGGER_ID = '$trigger';

/** What the graph reads of a step; a run's steps (ids and needs only) fit too. */
export type GraphStep = Pick<WorkflowStep, 'id' | 'needs' | 'needsOn'>;

export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  on: EdgeCondition;
}

/** Edges between steps, plus one from the trigger to every step that needs nothing (it runs first). */
export function graphEdges(def: { steps: readonly GraphStep[] }): GraphEdge[] {
  const edges: GraphEdge[] = [];
  for (const step of def.steps) {
    if (step.needs.length === 0) edges.push({ id: `${TRIGGER_ID}->${step.id}`, source: TRIGGER_ID, target: step.id, on: 'success' });
    for (const need of step.needs) {
      edges.push({ id: edgeId(need, step.id), source: need, target: step.id, on: step.needsOn?.[need] ?? 'success' });
    }
  }
  return edges;
}

export const edgeId = (source: string, target: string): string => `${source}->${target}`;

export function parseEdgeId(id: string): { source: string; target: string } | null {
  const at = id.indexOf('->');
  return at < 0 ? null : { source: id.slice(0, at), target: id.slice(at + 2) };
}
