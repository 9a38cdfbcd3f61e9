// An event's live summary (its runs, each with workflow, version and status) in ONE statement on
// the hot pool: it is sent every time a run finishes (runs/settle-step.ts), where the Prisma read
// with includes was five statements per finished run.
import type { EventSummary } from '@/engine/dto/events';
import { hotPool, prepared } from '../db/hot-pool';

const SUMMARIES = `SELECT e.id, e."sourceKey" AS source, e.type, e."deliveryId", e."receivedAt",
    EXISTS (SELECT 1 FROM "EventType" t WHERE t."sourceKey" = e."sourceKey" AND t.type = e.type AND t.registered) AS registered,
    COALESCE((SELECT json_agg(json_build_object('id', r.id, 'number', r.number, 'workflow', w.name, 'version', v.version, 'status', r.status) ORDER BY r.number)
      FROM "Run" r JOIN "WorkflowVersion" v ON v.id = r."workflowVersionId" JOIN "Workflow" w ON w.id = v."workflowId"
      WHERE r."eventId" = e.id), '[]'::json) AS runs
  FROM "Event" e WHERE e.id = ANY($1::text[])`;

export async function eventSummaries(ids: string[]): Promise<EventSummary[]> {
  if (ids.length === 0) return [];
  const { rows } = await hotPool().query(prepared(SUMMARIES, [ids]));
  return rows.map((r) => ({ ...r, receivedAt: (r.receivedAt as Date).toISOString() }) as EventSummary);
}
