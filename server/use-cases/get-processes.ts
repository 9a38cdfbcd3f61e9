// The living documentation (Processes view): every event type with the enabled workflows that
// listen to it, drawn and described step by step, and the chain of events between workflows.
// Computed per request from the registry, the latest versions and the action catalog: at a
// company's scale (tens of sources, hundreds of workflows) that is a few small queries.
import { describeAction } from '@/engine/actions/catalog';
import { describeSteps } from '@/engine/docs/describe-step';
import { buildProcessGraph, eventKey } from '@/engine/docs/process-graph';
import type { ProcessEntryDto } from '@/engine/dto/processes';
import { typeFromPathSegment } from '@/engine/intake/event-type';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { listActions } from '../actions/catalog';
import { authorize, type Actor } from '../auth/authorize';
import { badRequest, notFound } from '../errors';
import { listEventTypes } from '../repositories/event-types';
import { listWorkflows } from '../repositories/workflows';

export async function listProcesses(actor: Actor): Promise<ProcessEntryDto[]> {
  authorize(actor, 'read');
  const [types, rows, actions] = await Promise.all([listEventTypes(), listWorkflows(), listActions()]);
  const workflows = rows
    .filter((w) => w.versions[0])
    .map((w) => ({ name: w.name, version: w.versions[0].version, description: w.description, enabled: w.enabled, definition: w.versions[0].definition as unknown as WorkflowDefinition }));
  const graph = buildProcessGraph(
    types.map((t) => ({ source: t.sourceKey, type: t.type, description: t.description, registered: t.registered })),
    workflows,
  );
  const docs = actions.map(describeAction);
  const byName = new Map(workflows.map((w) => [w.name, w]));
  const withSample = new Set(types.filter((t) => t.samplePayload !== null).map((t) => eventKey(t.sourceKey, t.type)));
  return graph.entries.map((e) => ({
    ...e,
    hasSample: withSample.has(eventKey(e.source, e.type)),
    awaitedBy: e.awaitedBy.map((a) => ({ ...a, match: a.match ?? null })),
    listeners: e.listeners.map((l) => {
      const def = byName.get(l.name)!.definition;
      const chain = graph.workflows[l.name];
      return { ...l, definition: def, steps: describeSteps(def.steps, docs), links: chain.links, upstream: chain.upstream, downstream: chain.downstream };
    }),
  }));
}

/** `typeSegment` as it came in the URL path: `repo:push` and `repo%3Apush` are the same type. */
export async function getProcess(actor: Actor, source: string, typeSegment: string): Promise<ProcessEntryDto> {
  authorize(actor, 'read');
  const parsed = typeFromPathSegment(typeSegment);
  if (!parsed.ok) throw badRequest(parsed.error);
  const type = parsed.type;
  const found = (await listProcesses(actor)).find((e) => e.source === source && e.type === type);
  if (!found) throw notFound(`event type "${source} / ${type}" (neither registered nor used by a workflow)`);
  return found;
}
