// The registry view: sources → event types → the workflows bound to each (newest version of each
// workflow; a workflow whose newest version listens elsewhere is not bound here any more).
import type { RegistryDto, WorkflowRef } from '@/engine/dto/registry';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { authorize, type Actor } from '../auth/authorize';
import { toSourceDto } from '../dto/map-registry';
import { listEventTypes } from '../repositories/event-types';
import { listSources } from '../repositories/sources';
import { listWorkflows } from '../repositories/workflows';

export async function getRegistry(actor: Actor): Promise<RegistryDto> {
  authorize(actor, 'read');
  const [sources, types, workflows] = await Promise.all([listSources(), listEventTypes(), listWorkflows()]);
  const bound = new Map<string, WorkflowRef[]>();
  for (const w of workflows) {
    const v = w.versions[0];
    if (!v) continue;
    const def = v.definition as unknown as WorkflowDefinition;
    const key = `${v.triggerSource}/${v.triggerType}`;
    bound.set(key, [
      ...(bound.get(key) ?? []),
      { name: w.name, version: v.version, description: w.description, enabled: w.enabled, filter: def.trigger.filter ?? null },
    ]);
  }
  return sources.map((s) => ({
    ...toSourceDto(s),
    eventTypes: types
      .filter((t) => t.sourceKey === s.key)
      .map((t) => ({
        source: t.sourceKey,
        type: t.type,
        description: t.description,
        samplePayload: t.samplePayload ?? null,
        registered: t.registered,
        workflows: bound.get(`${t.sourceKey}/${t.type}`) ?? [],
      })),
  }));
}
