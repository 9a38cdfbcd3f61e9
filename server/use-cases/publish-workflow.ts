// Creates a workflow or a new immutable version of it from its text (YAML/JSON) or object form.
// Publishing an identical definition is a no-op, so re-importing a file from git is safe.
import { isDeepStrictEqual } from 'node:util';
import type { WorkflowDetail } from '@/engine/dto/registry';
import { parseWorkflowText, toWorkflowYaml, WorkflowTextError } from '@/engine/workflow/text';
import { formatIssues, validateWorkflow } from '@/engine/workflow/validate';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { stepSecretNames } from '@/engine/workflow/validate-secrets';
import { loadActionCatalog } from '../actions/catalog';
import { db, type Tx } from '../db/client';
import { Prisma } from '../db/generated/client';
import { AppError, badRequest } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { actorKey, authorize, type Actor } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { can } from '@/engine/auth/roles';
import { toWorkflowDetail } from '../dto/map-registry';
import { registerEventType } from '../repositories/event-types';
import { findSource } from '../repositories/sources';
import { findSecretGrants, findWorkflow, isShellAllowed } from '../repositories/workflows';
import { ensureInternalSource, INTERNAL_SOURCE } from './emit-event';

/** `message` says what changed and why (shown in the history); text input is stored as written, comments included. */
export type PublishInput = ({ text: string } | { object: unknown }) & { message?: string };

export async function publishWorkflow(actor: Actor, input: PublishInput): Promise<{ workflow: WorkflowDetail; created: boolean }> {
  const publisher = authorize(actor, 'workflows.publish');
  let raw: unknown;
  if ('text' in input) {
    try {
      raw = parseWorkflowText(input.text);
    } catch (err) {
      if (err instanceof WorkflowTextError) throw badRequest(err.message);
      throw err;
    }
  } else raw = input.object;

  // Secrets are granted per workflow by an admin. An editor's version may read only granted ones; an
  // admin's version grants what it reads (recorded below), so the grant check is theirs to skip.
  const mayGrant = can(publisher.role, 'secrets.manage');
  const granted = await findSecretGrants(rawName(raw));
  const result = validateWorkflow(raw, await loadActionCatalog(), { secretGrants: mayGrant ? undefined : granted });
  if (!result.ok) throw badRequest(`workflow is invalid: ${formatIssues(result.issues)}`, result.issues);
  const def = result.workflow;
  const toGrant = mayGrant ? [...new Set(def.steps.flatMap((s) => stepSecretNames(s)))].filter((n) => !granted.includes(n)) : [];
  await checkShellAllowed(publisher, def.name, def.steps);
  if (def.trigger.source === INTERNAL_SOURCE) await ensureInternalSource();
  if (!(await findSource(def.trigger.source))) {
    throw badRequest(`trigger.source: unknown source "${def.trigger.source}" (create it first: POST /api/sources)`);
  }

  try {
    const created = await db().$transaction((tx) =>
      writeWorkflowVersion(tx, publisher, def, { yaml: 'text' in input ? input.text : toWorkflowYaml(def), message: input.message, toGrant }),
    );
    const found = (await findWorkflow(def.name))!;
    return { workflow: toWorkflowDetail(found.workflow, found.version), created };
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw new AppError('conflict', `workflow "${def.name}" was published concurrently; retry`);
    }
    throw err;
  }
}

/**
 * The write half of a publish, inside the caller's transaction (publish, and the registry import
 * that publishes many workflows at once): the workflow row, the new version unless the definition
 * is unchanged (returns false then), grants, the event type and the audit entry.
 */
export async function writeWorkflowVersion(
  tx: Tx,
  publisher: Principal,
  def: WorkflowDefinition,
  opts: { yaml: string; message?: string; toGrant: string[] },
): Promise<boolean> {
  const workflow = await tx.workflow.upsert({
    where: { name: def.name },
    create: { name: def.name, description: def.description, enabled: def.enabled },
    update: { description: def.description, enabled: def.enabled },
    include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
  });
  if (opts.toGrant.length > 0) await grantSecrets(tx, publisher, def.name, workflow.secretGrants, opts.toGrant);
  const latest = workflow.versions[0];
  if (latest && isDeepStrictEqual(latest.definition, JSON.parse(JSON.stringify(def)))) return false;
  await tx.workflowVersion.create({
    data: {
      workflowId: workflow.id,
      version: (latest?.version ?? 0) + 1,
      definition: def as unknown as Prisma.InputJsonValue,
      yaml: opts.yaml,
      message: (opts.message ?? '').trim().slice(0, 2000),
      triggerSource: def.trigger.source,
      triggerType: def.trigger.type,
      publishedBy: actorKey(publisher),
      publisherRole: publisher.role,
    },
  });
  await registerEventType(tx, { sourceKey: def.trigger.source, type: def.trigger.type });
  await recordAudit(tx, {
    actor: publisher,
    action: 'workflow.publish',
    subjectType: 'workflow',
    subjectId: def.name,
    before: latest ? { version: latest.version, definition: latest.definition } : null,
    after: { version: (latest?.version ?? 0) + 1, definition: def },
  });
  return true;
}

/**
 * shell.run executes arbitrary commands on the worker host, so a version using it is published
 * only by an admin, or for a workflow where an admin allowed it (PATCH /api/workflows/{name}).
 */
export async function checkShellAllowed(publisher: Principal, name: string, steps: readonly { action: string }[]): Promise<void> {
  if (!steps.some((s) => s.action === 'shell.run') || can(publisher.role, 'shell.publish')) return;
  if (await isShellAllowed(name)) return;
  throw new AppError(
    'forbidden',
    `workflow "${name}" uses shell.run, which only an admin may publish; an admin can allow it for this workflow (PATCH /api/workflows/${name} {"shellAllowed": true})`,
  );
}

const rawName = (raw: unknown): string =>
  typeof raw === 'object' && raw !== null && typeof (raw as { name?: unknown }).name === 'string' ? (raw as { name: string }).name : '';

/** An admin's publish grants the secrets its steps read, with the same audit entry as PATCH options. */
async function grantSecrets(tx: Tx, admin: Principal, name: string, before: string[], added: string[]): Promise<void> {
  const after = [...new Set([...before, ...added])].sort();
  await tx.workflow.update({ where: { name }, data: { secretGrants: after } });
  await recordAudit(tx, { actor: admin, action: 'workflow.options', subjectType: 'workflow', subjectId: name, before: { secretGrants: before }, after: { secretGrants: after } });
}
