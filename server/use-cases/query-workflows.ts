import type { WorkflowDetail } from '@/engine/dto/registry';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { authorize, type Actor } from '../auth/authorize';
import { toWorkflowDetail } from '../dto/map-registry';
import { notFound } from '../errors';
import { findWorkflow, listWorkflows } from '../repositories/workflows';

export type WorkflowListItem = {
  name: string;
  description: string;
  enabled: boolean;
  version: number;
  trigger: WorkflowDefinition['trigger'];
  steps: number;
};

export async function listWorkflowItems(actor: Actor): Promise<WorkflowListItem[]> {
  authorize(actor, 'read');
  const rows = await listWorkflows();
  return rows
    .filter((w) => w.versions[0])
    .map((w) => {
      const def = w.versions[0].definition as unknown as WorkflowDefinition;
      return { name: w.name, description: w.description, enabled: w.enabled, version: w.versions[0].version, trigger: def.trigger, steps: def.steps.length };
    });
}

export async function getWorkflowDetail(actor: Actor, name: string, version?: number): Promise<WorkflowDetail> {
  authorize(actor, 'read');
  const found = await findWorkflow(name, version);
  if (!found) throw notFound(version === undefined ? `workflow "${name}"` : `workflow "${name}" version ${version}`);
  return toWorkflowDetail(found.workflow, found.version);
}
