// The intake's one durable write (DESIGN.md "Hot paths"): every event row of a delivery, the
// (source, type) pairs this process has not stored yet, and each row's "registered" flag for the
// live message, in ONE statement, so it commits on its own with no interactive transaction (a
// BEGIN/COMMIT pair held across awaits costs two round trips and holds a pooled connection).
// A (source, deliveryId) that already exists inserts nothing (ON CONFLICT DO NOTHING) instead of
// failing, so the caller tells a duplicate from the empty result without a lookup beforehand.
// Raw SQL because Prisma cannot express the CTE, ON CONFLICT on the Event unique or RETURNING a
// subquery; column names are Prisma's (prisma/schema.prisma, model Event and EventType).
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';
import { newCuid } from './cuid';

export type NewEvent = {
  sourceKey: string;
  type: string;
  deliveryId: string | null;
  payload: unknown;
  body: string;
  headers: Record<string, string>;
  parentRunId?: string | null;
  sentBy: string | null;
  depth: number;
};

export type InsertedEvent = { id: string; type: string; deliveryId: string | null; receivedAt: Date; registered: boolean };

/** timestamp(3) columns hold UTC without a zone, as Prisma writes them. */
const utc = (d: Date) => d.toISOString().replace('Z', '');

/**
 * Inserts `events` (all of one source) and, in the same statement, `newTypes` of that source into
 * the event-type registry as unregistered (existing rows are kept). Returns the rows inserted, in
 * `events` order; a row missing from the result was a duplicate delivery.
 */
export async function insertEvents(events: NewEvent[], newTypes: string[]): Promise<InsertedEvent[]> {
  const now = utc(new Date());
  const values = events.map((e) => Prisma.sql`(${newCuid()}, ${e.sourceKey}, ${e.type}, ${JSON.stringify(e.payload)}::jsonb, ${e.body},
    ${JSON.stringify(e.headers)}::jsonb, ${e.deliveryId}, ${now}::timestamp, ${e.parentRunId ?? null}, ${e.depth}, ${e.sentBy})`);
  const types = newTypes.length
    ? Prisma.sql`WITH remembered AS (
        INSERT INTO "EventType" (id, "sourceKey", type, registered, "createdAt")
        VALUES ${Prisma.join(newTypes.map((t) => Prisma.sql`(${newCuid()}, ${events[0].sourceKey}, ${t}, false, ${now}::timestamp)`))}
        ON CONFLICT ("sourceKey", type) DO NOTHING)`
    : Prisma.empty;
  // The registered flag reads the snapshot before this statement: a type inserted just now is
  // unregistered anyway, so the answer is right either way.
  const rows = await db().$queryRaw<InsertedEvent[]>`${types}
    INSERT INTO "Event" (id, "sourceKey", type, payload, body, headers, "deliveryId", "receivedAt", "parentRunId", depth, "sentBy")
    VALUES ${Prisma.join(values)}
    ON CONFLICT ("sourceKey", "deliveryId") DO NOTHING
    RETURNING id, type, "deliveryId", "receivedAt",
      EXISTS (SELECT 1 FROM "EventType" t WHERE t."sourceKey" = "Event"."sourceKey" AND t.type = "Event".type AND t.registered) AS registered`;
  const order = new Map(events.map((e, i) => [`${e.type}\u0000${e.deliveryId}`, i]));
  return rows.sort((a, b) => order.get(`${a.type}\u0000${a.deliveryId}`)! - order.get(`${b.type}\u0000${b.deliveryId}`)!);
}
