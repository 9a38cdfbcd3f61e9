// The intake's one durable write (DESIGN.md "Hot paths"): every event row of a delivery, the
// (source, type) pairs this process has not stored yet, and each row's "registered" flag for the
// live message, in ONE statement, so it commits on its own with no interactive transaction (a
// BEGIN/COMMIT pair held across awaits costs two round trips and holds a pooled connection).
// A (source, deliveryId) that already exists inserts nothing (ON CONFLICT DO NOTHING) instead of
// failing, so the caller tells a duplicate from the empty result without a lookup beforehand.
// Plain `pg` on the hot pool (db/hot-pool.ts): Prisma cannot express the CTE, ON CONFLICT on the
// Event unique or RETURNING a subquery, and its per-statement cost is several times pg's. Column
// names are Prisma's (prisma/schema.prisma, model Event and EventType).
// Group commit: deliveries that arrive while earlier inserts are in flight share one statement
// (insert-batcher.ts), so under load one commit and one round trip serve many requests; each
// request still gets its answer only after the statement that holds its rows has committed.
import { hotPool, prepared } from '../db/hot-pool';
import { newCuid } from './cuid';
import { InsertBatcher } from './insert-batcher';

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

/** A (source, type) pair to remember in the event-type registry. */
export type NewType = { sourceKey: string; type: string };

/**
 * Inserts `events` (all of one source) and, in the same statement, `newTypes` of that source into
 * the event-type registry as unregistered (existing rows are kept). Returns the rows inserted, in
 * `events` order; a row missing from the result was a duplicate delivery. Concurrent calls are
 * batched into one statement (see above).
 */
export function insertEvents(events: NewEvent[], newTypes: string[]): Promise<InsertedEvent[]> {
  return batcher.add(events, newTypes.map((type) => ({ sourceKey: events[0].sourceKey, type })));
}

// One fixed text (arrays, not a VALUES list per batch size), so each hot-pool connection parses
// and plans it once. $1..$10: the event columns; $11: the received time; $12..$14: new types.
const INSERT = `WITH remembered AS (
    INSERT INTO "EventType" (id, "sourceKey", type, registered, "createdAt")
    SELECT t.id, t.source, t.type, false, $11::timestamp FROM unnest($12::text[], $13::text[], $14::text[]) WITH ORDINALITY AS t(id, source, type, n)
    ORDER BY t.n
    ON CONFLICT ("sourceKey", type) DO NOTHING)
  INSERT INTO "Event" (id, "sourceKey", type, payload, body, headers, "deliveryId", "receivedAt", "parentRunId", depth, "sentBy")
  SELECT e.id, e.source, e.type, e.payload, e.body, e.headers, e.delivery, $11::timestamp, e.parent, e.depth, e.sent
    FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::int[], $10::text[])
      WITH ORDINALITY AS e(id, source, type, payload, body, headers, delivery, parent, depth, sent, n)
   ORDER BY e.n
  ON CONFLICT ("sourceKey", "deliveryId") DO NOTHING
  RETURNING id, type, "deliveryId", "receivedAt",
    EXISTS (SELECT 1 FROM "EventType" t WHERE t."sourceKey" = "Event"."sourceKey" AND t.type = "Event".type AND t.registered) AS registered`;

/** One statement for the rows of any number of deliveries; rows returned by id, in `rows` order. */
async function insertRows(given: (NewEvent & { id: string })[], givenTypes: NewType[]): Promise<InsertedEvent[]> {
  const now = utc(new Date());
  // In key order, so two concurrent statements take their unique-index entries in the same order.
  const key = (a: string, b: string | null) => `${a}\u0000${b ?? ''}`;
  const byKey = <T>(k: (t: T) => string) => (x: T, y: T) => (k(x) < k(y) ? -1 : k(x) > k(y) ? 1 : 0);
  const rows = [...given].sort(byKey((e) => key(e.sourceKey, e.deliveryId)));
  const newTypes = [...givenTypes].sort(byKey((t) => key(t.sourceKey, t.type)));
  // The registered flag reads the snapshot before this statement: a type inserted just now is
  // unregistered anyway, so the answer is right either way.
  const { rows: inserted } = await hotPool().query<InsertedEvent>(prepared(INSERT, [
    rows.map((e) => e.id), rows.map((e) => e.sourceKey), rows.map((e) => e.type), rows.map((e) => JSON.stringify(e.payload)), rows.map((e) => e.body),
    rows.map((e) => JSON.stringify(e.headers)), rows.map((e) => e.deliveryId), rows.map((e) => e.parentRunId ?? null), rows.map((e) => e.depth),
    rows.map((e) => e.sentBy), now, newTypes.map(() => newCuid()), newTypes.map((t) => t.sourceKey), newTypes.map((t) => t.type),
  ]));
  const order = new Map(given.map((e, i) => [e.id, i]));
  return inserted.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

const batcher = new InsertBatcher(insertRows);

/** How many statements this process sent for how many deliveries (tests, the bench). */
export const insertBatchStats = () => ({ ...batcher.stats });
