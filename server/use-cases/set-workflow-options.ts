// Per-workflow options only an admin may change:
// - `shellAllowed` lets editors publish versions of this workflow that use shell.run (arbitrary
//   commands on the worker host), and lets such versions run (re-checked at every shell.run step);
// - `secretGrants` names the secrets this workflow's steps may read (`secrets.NAME`). Publishing
//   refuses a step naming any other, and the worker loads only granted names, read at each step, so
//   a revoked grant takes effect at the next step. Granting trusts the workflow's editors with the
//   value: an expression can transform a secret past redaction.
import { z } from 'zod';
import { SECRET_NAME } from '@/engine/secrets/secret-refs';
import { db } from '../db/client';
import { notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { authorize, type Actor } from '../auth/authorize';

export const workflowOptionsBody = z
  .strictObject({
    shellAllowed: z.boolean().optional().describe('Allow shell.run in versions published by editors.'),
    secretGrants: z
      .array(z.string().regex(SECRET_NAME, 'a secret name is upper-case letters, digits and "_", starting with a letter'))
      .max(200)
      .optional()
      .describe('The secrets this workflow may read, replacing the current list ([] revokes all).'),
  })
  .refine((b) => b.shellAllowed !== undefined || b.secretGrants !== undefined, { message: 'give shellAllowed and/or secretGrants' });

export type WorkflowOptions = { name: string; shellAllowed: boolean; secretGrants: string[] };

const options = { name: true, shellAllowed: true, secretGrants: true } as const;

export async function setWorkflowOptions(actor: Actor, name: string, input: unknown): Promise<WorkflowOptions> {
  const admin = authorize(actor, 'shell.publish');
  const body = workflowOptionsBody.parse(input);
  if (body.secretGrants) authorize(actor, 'secrets.manage');
  const data = {
    ...(body.shellAllowed !== undefined && { shellAllowed: body.shellAllowed }),
    ...(body.secretGrants && { secretGrants: [...new Set(body.secretGrants)].sort() }),
  };
  return db().$transaction(async (tx) => {
    const before = await tx.workflow.findUnique({ where: { name }, select: options });
    if (!before) throw notFound(`workflow "${name.slice(0, 200)}"`);
    const after = await tx.workflow.update({ where: { name }, data, select: options });
    await recordAudit(tx, {
      actor: admin,
      action: 'workflow.options',
      subjectType: 'workflow',
      subjectId: name,
      before: { shellAllowed: before.shellAllowed, secretGrants: before.secretGrants },
      after: { shellAllowed: after.shellAllowed, secretGrants: after.secretGrants },
    });
    return after;
  });
}
