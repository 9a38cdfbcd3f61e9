// Per-workflow options only an admin may change. Today: `shellAllowed`, which lets editors publish
// versions of this workflow that use shell.run (arbitrary commands on the worker host), and lets
// such versions run (execute-step.ts re-checks it at every shell.run step).
import { z } from 'zod';
import { db } from '../db/client';
import { notFound } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { authorize, type Actor } from '../auth/authorize';

export const workflowOptionsBody = z.strictObject({
  shellAllowed: z.boolean().describe('Allow shell.run in versions published by editors.'),
});

export type WorkflowOptions = { name: string; shellAllowed: boolean };

export async function setWorkflowOptions(actor: Actor, name: string, input: unknown): Promise<WorkflowOptions> {
  const admin = authorize(actor, 'shell.publish');
  const body = workflowOptionsBody.parse(input);
  return db().$transaction(async (tx) => {
    const before = await tx.workflow.findUnique({ where: { name }, select: { shellAllowed: true } });
    if (!before) throw notFound(`workflow "${name.slice(0, 200)}"`);
    const after = await tx.workflow.update({ where: { name }, data: { shellAllowed: body.shellAllowed }, select: { name: true, shellAllowed: true } });
    await recordAudit(tx, { actor: admin, action: 'workflow.options', subjectType: 'workflow', subjectId: name, before, after: { shellAllowed: after.shellAllowed } });
    return after;
  });
}
