// `concurrency.onConflict: queue`: when a run with a key finishes, the oldest run waiting for that
// key starts. Called inside the finishing transaction, under the key's advisory lock. Written in
// SQL once, run by both kinds of transaction: the step transition's `pg` one (settle-step.ts) and
// Prisma's (cancelling a run, operate-runs.ts).
import { readySteps } from '@/engine/workflow/dag';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { Tx } from '../db/client';
import type { QueuedStep } from './create-run';

/** Runs one parameterised statement ($1, $2…) in the caller's transaction and answers its rows. */
export type Sql = (text: string, params: unknown[]) => Promise<Record<string, unknown>[]>;
export const prismaSql = (tx: Tx): Sql => (text, params) => tx.$queryRawUnsafe(text, ...params);

export async function startNextInLine(tx: Tx | Sql, finished: { workflowId: string; key: string | null }): Promise<QueuedStep[]> {
  if (!finished.key) return [];
  const sql = typeof tx === 'function' ? tx : prismaSql(tx);
  // The same lock as create-run.ts's lockConcurrencyKey.
  await sql(`SELECT pg_advisory_xact_lock(hashtext($1))::text`, [`${finished.workflowId}:${finished.key}`]);
  // Active = started: running, or queued with a step already due (just started by this function).
  const [{ active }] = await sql(
    `SELECT count(*)::int AS active FROM "Run" r JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId"
     WHERE r."concurrencyKey" = $1 AND r.status IN ('queued', 'running') AND v."workflowId" = $2
       AND EXISTS (SELECT 1 FROM "StepRun" s WHERE s."runId" = r.id AND s.status <> 'pending')`,
    [finished.key, finished.workflowId],
  );
  if (Number(active) > 0) return [];
  const [next] = await sql(
    `SELECT r.id, v.definition FROM "Run" r JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId"
     WHERE r."concurrencyKey" = $1 AND r.status = 'queued' AND v."workflowId" = $2
       AND NOT EXISTS (SELECT 1 FROM "StepRun" s WHERE s."runId" = r.id AND s.status <> 'pending')
     ORDER BY r.number ASC LIMIT 1`,
    [finished.key, finished.workflowId],
  );
  if (!next) return [];
  const ready = readySteps(next.definition as WorkflowDefinition, {});
  if (ready.length === 0) return [];
  const rows = await sql(
    `UPDATE "StepRun" SET status = 'queued', attempt = 1, "queuedAt" = $3::timestamp
     WHERE "runId" = $1 AND "stepId" IN (SELECT jsonb_array_elements_text($2::jsonb)) RETURNING id, "stepId"`,
    [next.id, JSON.stringify(ready), new Date().toISOString()],
  );
  const byStep = new Map(rows.map((r) => [r.stepId as string, r.id as string]));
  return ready.filter((id) => byStep.has(id)).map((id) => ({ stepRunId: byStep.get(id)!, runId: next.id as string, stepId: id, attempt: 1 }));
}
