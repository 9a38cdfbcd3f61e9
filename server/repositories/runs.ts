import type { Prisma } from '../db/generated/client';
import { db, type Tx } from '../db/client';

export const runWithContext = {
  workflowVersion: { include: { workflow: true } },
  event: true,
  steps: true,
} satisfies Prisma.RunInclude;
export type RunWithContext = Prisma.RunGetPayload<{ include: typeof runWithContext }>;

export const runSummaryInclude = {
  workflowVersion: { select: { version: true, workflow: { select: { name: true } } } },
  event: { select: { id: true, sourceKey: true, type: true } },
} satisfies Prisma.RunInclude;
export type RunForSummary = Prisma.RunGetPayload<{ include: typeof runSummaryInclude }>;

export const findRun = (id: string) => db().run.findUnique({ where: { id }, include: runWithContext });

export function listRuns(filter: { status?: string; workflow?: string; limit: number; before?: string }) {
  return db().run.findMany({
    where: { status: filter.status, workflowVersion: filter.workflow ? { workflow: { name: filter.workflow } } : undefined },
    orderBy: { number: 'desc' },
    take: filter.limit,
    ...(filter.before && { cursor: { id: filter.before }, skip: 1 }),
    include: runSummaryInclude,
  });
}

/**
 * Serialises every state change of one run: step completions that race (fan-in) each see the
 * others' committed results, so a join step is queued exactly once.
 */
export async function lockRun(tx: Tx, runId: string) {
  await tx.$queryRaw`SELECT id FROM "Run" WHERE id = ${runId} FOR UPDATE`;
  return tx.run.findUniqueOrThrow({ where: { id: runId }, include: runWithContext });
}

/** Steps that are due but may have lost their job (Redis flushed, crash before enqueue), or
 *  whose worker died mid-step (lease expired). */
export const findDueSteps = (queuedBefore: Date, take: number) =>
  db().stepRun.findMany({
    where: {
      OR: [
        { status: 'queued', queuedAt: { lt: queuedBefore } },
        { status: 'waiting', wakeAt: { lt: queuedBefore } },
        { status: 'running', leaseUntil: { lt: new Date() } },
      ],
    },
    orderBy: { queuedAt: 'asc' },
    take,
    select: { id: true, runId: true, stepId: true, attempt: true, status: true, leaseUntil: true },
  });

/** Re-runs and resumes of a run. */
export const findLaterRuns = (runId: string) =>
  db().run.findMany({ where: { previousRunId: runId }, orderBy: { number: 'asc' }, select: { id: true, number: true, reason: true } });

/** The depth of the event that started the run (event chains are limited in depth). */
/** The release train a run works for (its emitted events inherit it). */
export const findRunTrainId = async (runId: string) =>
  (await db().run.findUnique({ where: { id: runId }, select: { trainId: true } }))?.trainId ?? null;

export const findRunEventDepth = async (runId: string) =>
  (await db().run.findUnique({ where: { id: runId }, select: { event: { select: { depth: true } } } }))?.event.depth ?? null;

/** A run with its workflow version (and workflow), its event and its train's facts: what a notification about it says. */
export async function findRunForNotification(runId: string) {
  const run = await db().run.findUnique({ where: { id: runId }, include: { workflowVersion: { include: { workflow: true } }, event: true } });
  if (!run) return null;
  const train = run.trainId
    ? await db().train.findUnique({ where: { id: run.trainId }, select: { id: true, number: true, version: true, pipeline: { select: { key: true } } } })
    : null;
  return { run, train };
}
