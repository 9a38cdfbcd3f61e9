import type { Prisma } from '../db/generated/client';
import { db } from '../db/client';

export const latestVersion = { versions: { orderBy: { version: 'desc' }, take: 1 } } satisfies Prisma.WorkflowInclude;
export type WorkflowWithLatest = Prisma.WorkflowGetPayload<{ include: typeof latestVersion }>;

/** Live versions for a trigger: the newest version of each enabled workflow, if it listens to it. */
export async function findLiveVersions(source: string, type: string) {
  const workflows = await db().workflow.findMany({
    where: { enabled: true, versions: { some: { triggerSource: source, triggerType: type } } },
    include: latestVersion,
  });
  return workflows
    .map((w) => ({ workflow: w, version: w.versions[0] }))
    .filter(({ version }) => version && version.triggerSource === source && version.triggerType === type);
}

export const listWorkflows = () => db().workflow.findMany({ orderBy: { name: 'asc' }, include: latestVersion });

export async function findWorkflow(name: string, version?: number) {
  return db().workflow.findUnique({
    where: { name },
    include: {
      versions: {
        orderBy: { version: 'desc' },
        select: { id: true, version: true, createdAt: true, definition: true, yaml: true, triggerSource: true, triggerType: true },
      },
    },
  }).then((w) => {
    if (!w) return null;
    const chosen = version === undefined ? w.versions[0] : w.versions.find((v) => v.version === version);
    return chosen ? { workflow: w, version: chosen } : null;
  });
}

/** Whether an admin allowed shell.run for this workflow (false when it does not exist yet). */
export const isShellAllowed = async (name: string) =>
  (await db().workflow.findUnique({ where: { name }, select: { shellAllowed: true } }))?.shellAllowed ?? false;

/** The secrets an admin granted to this workflow ([] when it does not exist yet). */
export const findSecretGrants = async (name: string) =>
  (await db().workflow.findUnique({ where: { name }, select: { secretGrants: true } }))?.secretGrants ?? [];

/** Every version's history line (newest first), without the definitions. */
export const listVersionRows = (name: string) =>
  db().workflowVersion.findMany({
    where: { workflow: { name } },
    orderBy: { version: 'desc' },
    select: { version: true, createdAt: true, publishedBy: true, publisherRole: true, message: true },
  });

export const findVersionRow = (name: string, version: number) =>
  db().workflowVersion.findFirst({ where: { workflow: { name }, version }, select: { version: true, definition: true, yaml: true } });
