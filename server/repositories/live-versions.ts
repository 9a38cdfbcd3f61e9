// The event path's view of the live workflows for one trigger, in one statement: which enabled
// workflows' newest version listens to (source, type), plus whether the event type is registered
// (for the event's live summary) and whether any release pipeline exists (an event skips the
// trains check, two more reads, on an installation that has none). Versions are immutable, so the
// worker keeps their definitions by id (runs/transition-cache.ts): the definition comes back only
// for a version not in `cached`.
// Read on every event, never cached: publishing, disabling or re-enabling takes effect at once.
import { db } from '../db/client';
import type { Event } from '../db/generated/client';
import { hotPool, prepared } from '../db/hot-pool';

export type LiveVersionRef = { workflowId: string; workflowName: string; versionId: string; version: number; definition: unknown };
export type LiveRefs = { refs: LiveVersionRef[]; registered: boolean; pipelines: boolean };

// $1 source, $2 type, $3 cached version ids.
const REFS = `SELECT w.id AS "workflowId", w.name AS "workflowName", lv.id AS "versionId", lv.version,
      CASE WHEN lv.id = ANY($3::text[]) THEN NULL ELSE lv.definition END AS definition
    FROM "Workflow" w
    JOIN LATERAL (SELECT id, version, definition, "triggerSource", "triggerType" FROM "WorkflowVersion"
                  WHERE "workflowId" = w.id ORDER BY version DESC LIMIT 1) lv ON true
    WHERE w.enabled AND lv."triggerSource" = $1 AND lv."triggerType" = $2
    ORDER BY w."createdAt", w.id`;
const FLAGS = `EXISTS (SELECT 1 FROM "EventType" WHERE "sourceKey" = $1 AND type = $2 AND registered) AS registered,
    EXISTS (SELECT 1 FROM "Pipeline") AS pipelines, (SELECT json_agg(v) FROM (${REFS}) v) AS refs`;

type Flags = { registered: boolean; pipelines: boolean; refs: LiveVersionRef[] | null };
const liveRefs = (r: Flags): LiveRefs => ({ refs: (r.refs ?? []).map((v) => ({ ...v, definition: v.definition ?? null })), registered: r.registered, pipelines: r.pipelines });

export async function findLiveVersionRefs(source: string, type: string, cached: string[]): Promise<LiveRefs> {
  const { rows } = await hotPool().query<Flags>(prepared(`SELECT ${FLAGS}`, [source, type, cached]));
  return liveRefs(rows[0]);
}

/**
 * The worker's first read of an event: its row and the live versions of its trigger, in one
 * statement on the hot pool (a Prisma read costs about five times a plain one). Null when the
 * event does not exist.
 */
export async function findEventWithLiveRefs(eventId: string, cachedVersionIds: string[]): Promise<({ event: Event } & LiveRefs) | null> {
  // The trigger is the row's own (source, type); `cachedVersionIds` is every version the worker
  // holds, since which trigger it is becomes known only in the statement.
  const { rows } = await hotPool().query(prepared(
    `SELECT e.id, e."sourceKey", e.type, e.payload, e.body, e.headers, e."deliveryId", e."receivedAt", e."processedAt",
       e."parentRunId", e.depth, e."replayOfId", e."sentBy", e."trainId", f.*
     FROM "Event" e CROSS JOIN LATERAL (
       SELECT ${FLAGS.replaceAll('$1', 'e."sourceKey"').replaceAll('$2', 'e.type').replaceAll('$3', '$2')}) f
     WHERE e.id = $1`,
    [eventId, cachedVersionIds]),
  );
  const r = rows[0];
  if (!r) return null;
  const { registered, pipelines, refs, ...event } = r;
  return { event: event as Event, ...liveRefs({ registered, pipelines, refs }) };
}

export async function loadDefinitions(versionIds: string[]): Promise<Map<string, unknown>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db().workflowVersion.findMany({ where: { id: { in: versionIds } }, select: { id: true, definition: true } });
  return new Map(rows.map((r) => [r.id, r.definition]));
}
