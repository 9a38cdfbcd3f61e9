// The two writes a step logger makes to StepRun.logs, fenced on the attempt's lease when it has
// one (a worker that lost the step must not write into the log of the one that took over).
// Both answer the log's length afterwards, or null when the step is no longer ours.
import type { LogLine } from '@/engine/dto/runs';
import { db } from '../db/client';
import { Prisma } from '../db/generated/client';

export type LogFence = { attempt: number; owner: string };

const held = (id: string, fence?: LogFence) =>
  fence ? Prisma.sql`id = ${id} AND attempt = ${fence.attempt} AND "leaseOwner" = ${fence.owner}` : Prisma.sql`id = ${id}`;

const length = (rows: { n: number }[]) => (rows.length ? Number(rows[0].n) : null);

/** Appends lines (jsonb concatenation: concurrent appends never overwrite each other). */
export async function appendLogLines(id: string, lines: LogLine[], fence?: LogFence): Promise<number | null> {
  return length(
    await db().$queryRaw<{ n: number }[]>`UPDATE "StepRun" SET logs = logs || ${JSON.stringify(lines)}::jsonb
      WHERE ${held(id, fence)} RETURNING jsonb_array_length(logs) AS n`,
  );
}

/** Keeps the first `keep` lines and puts `lines` after them (the tail of a log over its limit). */
export async function replaceLogAfter(id: string, keep: number, lines: LogLine[], fence?: LogFence): Promise<number | null> {
  return length(
    await db().$queryRaw<{ n: number }[]>`UPDATE "StepRun" SET logs = COALESCE(
        (SELECT jsonb_agg(e ORDER BY i) FROM jsonb_array_elements(logs) WITH ORDINALITY AS t(e, i) WHERE i <= ${keep}),
        '[]'::jsonb) || ${JSON.stringify(lines)}::jsonb
      WHERE ${held(id, fence)} RETURNING jsonb_array_length(logs) AS n`,
  );
}
