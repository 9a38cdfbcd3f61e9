// Drafts: the editor saves as you go, one shared draft per workflow (every editor sees it), and a
// draft may be invalid: that is what drafts are for. Only publishing validates, and a published
// draft is gone. A draft never changes what runs.
import type { WorkflowDraftDto } from '@/engine/dto/workflow-versions';
import { WORKFLOW_NAME_PATTERN } from '@/engine/workflow/schema';
import { parseWorkflowText } from '@/engine/workflow/text';
import { actorKey, authorize, type Actor } from '../auth/authorize';
import { badRequest, notFound } from '../errors';
import { namesForUserIds } from '../repositories/people';
import { deleteDraft, findDraft, upsertDraft } from '../repositories/workflow-drafts';
import { publishWorkflow } from './publish-workflow';

/** The `name:` the text declares, when it parses; publishing reports any other problem itself. */
function nameInText(text: string): string | undefined {
  try {
    const raw = parseWorkflowText(text) as { name?: unknown } | null;
    return typeof raw?.name === 'string' ? raw.name : undefined;
  } catch {
    return undefined;
  }
}

/** Drafts hold YAML text; the same cap as a published workflow. */
export const MAX_DRAFT_BYTES = 512 * 1024;

function checkName(name: string): void {
  if (!WORKFLOW_NAME_PATTERN.test(name) || name.length > 64) {
    throw badRequest(`"${name}" is not a workflow name: lower-case letters, digits and -, starting with a letter or digit`);
  }
}

async function toDto(d: NonNullable<Awaited<ReturnType<typeof findDraft>>>): Promise<WorkflowDraftDto> {
  const names = d.updatedBy ? await namesForUserIds([d.updatedBy]) : new Map<string, string>();
  return {
    name: d.name,
    yaml: d.yaml,
    baseVersion: d.baseVersion,
    updatedBy: d.updatedBy ? (names.get(d.updatedBy) ?? d.updatedBy) : null,
    updatedAt: d.updatedAt.toISOString(),
  };
}

export async function getDraft(actor: Actor, name: string): Promise<WorkflowDraftDto> {
  authorize(actor, 'workflows.publish');
  const d = await findDraft(name);
  if (!d) throw notFound(`draft of workflow "${name}"`);
  return toDto(d);
}

export async function saveDraft(actor: Actor, name: string, input: { yaml: string; baseVersion?: number | null }): Promise<WorkflowDraftDto> {
  const who = authorize(actor, 'workflows.publish');
  checkName(name);
  if (input.yaml.includes('\u0000')) throw badRequest('yaml: NUL characters are not allowed');
  const saved = await upsertDraft({ name, yaml: input.yaml, baseVersion: input.baseVersion ?? null, updatedBy: actorKey(who) });
  return toDto(saved);
}

export async function discardDraft(actor: Actor, name: string): Promise<void> {
  authorize(actor, 'workflows.publish');
  await deleteDraft(name);
}

/** Publishes the editor's text (validated like any publish) with a message, then drops the draft. */
export async function publishFromEditor(actor: Actor, name: string, input: { yaml: string; message: string }) {
  authorize(actor, 'workflows.publish');
  checkName(name);
  const named = nameInText(input.yaml);
  if (named !== undefined && named !== name) throw badRequest(`name: the text names workflow "${named}", not "${name}"`);
  const result = await publishWorkflow(actor, { text: input.yaml, message: input.message });
  await deleteDraft(name);
  return result;
}
