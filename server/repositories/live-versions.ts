// The event path's view of the live workflows for one trigger, in one statement: which enabled
// workflows' newest version listens to (source, type), plus whether the event type is registered
// (for the event's live summary). Versions are immutable, so the worker keeps their definitions
// by id (runs/transition-cache.ts): the definition comes back only for a version not in `cached`.
import { db } from '../db/client';

export type LiveVersionRef = { workflowId: string; workflowName: string; versionId: string; version: number; definition: unknown };

// `pipelines`: whether any release pipeline exists, so an event skips the trains check (two more
// reads) on an installation that has none.
export async function findLiveVersionRefs(source: string, type: string, cached: string[]): Promise<{ refs: LiveVersionRef[]; registered: boolean; pipelines: boolean }> {
  // Read on every event, never cached: publishing, disabling or re-enabling takes effect at once.
  const rows = await db().$queryRaw<(Partial<LiveVersionRef> & { registered: boolean; pipelines: boolean })[]>`
    SELECT r.registered, r.pipelines, v."workflowId", v."workflowName", v."versionId", v.version, v.definition
    FROM (SELECT EXISTS (SELECT 1 FROM "EventType" WHERE "sourceKey" = ${source} AND type = ${type} AND registered) AS registered,
                 EXISTS (SELECT 1 FROM "Pipeline") AS pipelines) r
    LEFT JOIN LATERAL (
      SELECT w.id AS "workflowId", w.name AS "workflowName", lv.id AS "versionId", lv.version,
             CASE WHEN lv.id = ANY(${cached}::text[]) THEN NULL ELSE lv.definition END AS definition
      FROM "Workflow" w
      JOIN LATERAL (SELECT id, version, definition, "triggerSource", "triggerType" FROM "WorkflowVersion"
                    WHERE "workflowId" = w.id ORDER BY version DESC LIMIT 1) lv ON true
      WHERE w.enabled AND lv."triggerSource" = ${source} AND lv."triggerType" = ${type}
      ORDER BY w."createdAt", w.id
    ) v ON true`;
  const refs = rows.filter((r) => r.versionId).map((r) => ({ workflowId: r.workflowId!, workflowName: r.workflowName!, versionId: r.versionId!, version: r.version!, definition: r.definition ?? null }));
  return { refs, registered: rows[0]?.registered ?? false, pipelines: rows[0]?.pipelines ?? true };
}

export async function loadDefinitions(versionIds: string[]): Promise<Map<string, unknown>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db().workflowVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, definition: true } });
  return new Map(rows.map((r) => [r.id, r.definition]));
}
