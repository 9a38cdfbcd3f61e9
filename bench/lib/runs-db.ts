// Reads run timings straight from Postgres: the database is the source of truth for when an event
// was received and when its steps started and finished, so latency is measured where the product
// records it, not from a client clock. Plain SQL through `pg` (no Prisma) keeps the bench's own
// queries cheap and obvious.
import pg from 'pg';

// Prisma stores DateTime as `timestamp(3)` in UTC; pg would parse it as local time.
pg.types.setTypeParser(1114, (s: string) => new Date(`${s.replace(' ', 'T')}Z`));

export type RunTiming = { eventId: string; status: string; steps: number; receivedAt: Date; processedAt: Date | null; createdAt: Date;
  firstStepStartedAt: Date | null; finishedAt: Date | null;
  /** The first log line any step wrote: when a handler actually ran (StepRun.startedAt is its claim). */
  firstLogAt: Date | null };

export const openPool = (url: string) => new pg.Pool({ connectionString: url, max: 2 });

/** One row per run of the given events (each bench event triggers exactly one workflow). */
export async function runTimings(pool: pg.Pool, eventIds: string[]): Promise<RunTiming[]> {
  const { rows } = await pool.query(
    `SELECT e.id AS "eventId", r.status, e."receivedAt", e."processedAt", r."createdAt", r."finishedAt",
            (SELECT min(s."startedAt") FROM "StepRun" s WHERE s."runId" = r.id) AS "firstStepStartedAt",
            (SELECT min((l->>'at')::timestamptz) FROM "StepRun" s CROSS JOIN LATERAL jsonb_array_elements(s.logs) l
              WHERE s."runId" = r.id) AS "firstLogAt",
            (SELECT count(*)::int FROM "StepRun" s WHERE s."runId" = r.id) AS steps
       FROM "Event" e JOIN "Run" r ON r."eventId" = e.id
      WHERE e.id = ANY($1)`,
    [eventIds],
  );
  return rows as RunTiming[];
}

const TERMINAL = ['succeeded', 'failed', 'cancelled'];

/** Polls until every event has a finished run; throws with the count still open after `timeoutMs`. */
export async function waitForRuns(pool: pg.Pool, eventIds: string[], timeoutMs: number, pollMs = 100) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT count(*)::int AS done FROM "Run" WHERE "eventId" = ANY($1) AND status = ANY($2)`,
      [eventIds, TERMINAL],
    );
    if (rows[0].done >= eventIds.length) return;
    if (Date.now() > deadline) throw new Error(`${eventIds.length - rows[0].done} of ${eventIds.length} runs not finished after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

export const ms = (from: Date, to: Date | null) => (to ? to.getTime() - from.getTime() : NaN);
