// A workflow's history: its versions with author and message, the structural diff between two,
// and restoring an old version (published again as a new version: history is never rewritten).
import type { WorkflowDiffDto, WorkflowVersionItem } from '@/engine/dto/workflow-versions';
import { diffWorkflows, onlyLayoutChanged } from '@/engine/workflow/diff';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { authorize, type Actor } from '../auth/authorize';
import { badRequest, notFound } from '../errors';
import { namesForUserIds } from '../repositories/people';
import { findVersionRow, listVersionRows } from '../repositories/workflows';
import { publishWorkflow } from './publish-workflow';

export async function listWorkflowVersions(actor: Actor, name: string): Promise<WorkflowVersionItem[]> {
  authorize(actor, 'read');
  const rows = await listVersionRows(name);
  if (rows.length === 0) throw notFound(`workflow "${name}"`);
  const names = await namesForUserIds(rows.flatMap((r) => (r.publishedBy && !r.publishedBy.startsWith('token:') ? [r.publishedBy] : [])));
  return rows.map((r) => ({
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    author: r.publishedBy ? (names.get(r.publishedBy) ?? r.publishedBy) : null,
    message: r.message,
  }));
}

async function versionDefinition(name: string, version: number): Promise<WorkflowDefinition> {
  const row = await findVersionRow(name, version);
  if (!row) throw notFound(`workflow "${name}" version ${version}`);
  return row.definition as unknown as WorkflowDefinition;
}

export async function diffWorkflowVersions(actor: Actor, name: string, from: number, to: number): Promise<WorkflowDiffDto> {
  authorize(actor, 'read');
  if (from === to) throw badRequest(`from and to are both version ${from}: pick two different versions`);
  const [a, b] = await Promise.all([versionDefinition(name, from), versionDefinition(name, to)]);
  const d = diffWorkflows(a, b, { from: `v${from}`, to: `v${to}` });
  return { from, to, changes: d.changes, layoutOnly: d.changes.length > 0 && onlyLayoutChanged(d), text: d.text };
}

export async function restoreWorkflowVersion(actor: Actor, name: string, version: number, message?: string) {
  authorize(actor, 'workflows.publish');
  const def = await versionDefinition(name, version);
  return publishWorkflow(actor, { object: def, message: message?.trim() || `Restore version ${version}` });
}
