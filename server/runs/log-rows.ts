// The two writes a step logger makes to StepRun.logs, fenced on the attempt's lease when it has
// one (a worker that lost the step must not write into the log of the one that took over).
// Both answer the log's length afterwards, or null when the step is no longer ours.
// Intermediate flushes are committed asynchronously (synchronous_commit off for that statement's
// transaction only): a crash can lose the last fraction of a second of lines, which the lease and
// the reconciler already accept (the attempt runs again); the final flush is part of the settle.
// Plain `pg` on the hot pool (db/hot-pool.ts), like the rest of the step transition.
import type { LogLine } from '@/engine/dto/runs';
import { hotPool, prepared } from '../db/hot-pool';

export type LogFence = { attempt: number; owner: string };

const held = (fence: LogFence | undefined) => (fence ? ` AND attempt = $3 AND "leaseOwner" = $4` : '');
const fenceParams = (fence: LogFence | undefined) => (fence ? [fence.attempt, fence.owner] : []);

async function write(sql: string, params: unknown[]): Promise<number | null> {
  const { rows } = await hotPool().query(prepared(
    `WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)), u AS (${sql} RETURNING jsonb_array_length(logs) AS n)
     SELECT u.n FROM u, cfg`,
    params,
  ));
  return rows.length ? Number(rows[0].n) : null;
}

/**
 * Appends lines (jsonb concatenation: concurrent appends never overwrite each other); `inputs`,
 * when given, are the step's resolved inputs, stored with the first flush after they are known.
 */
export async function appendLogLines(id: string, lines: LogLine[], fence?: LogFence, inputs?: unknown): Promise<number | null> {
  const setInputs = inputs === undefined ? '' : `, inputs = $${fence ? 5 : 3}::jsonb`;
  return write(
    `UPDATE "StepRun" SET logs = logs || $2::jsonb${setInputs} WHERE id = $1${held(fence)}`,
    [id, JSON.stringify(lines), ...fenceParams(fence), ...(inputs === undefined ? [] : [JSON.stringify(inputs)])],
  );
}

/** Keeps the first `keep` lines and puts `lines` after them (the tail of a log over its limit). */
export async function replaceLogAfter(id: string, keep: number, lines: LogLine[], fence?: LogFence): Promise<number | null> {
  return write(
    `UPDATE "StepRun" SET logs = COALESCE(
        (SELECT jsonb_agg(e ORDER BY i) FROM jsonb_array_elements(logs) WITH ORDINALITY AS t(e, i) WHERE i <= $${fence ? 5 : 3}),
        '[]'::jsonb) || $2::jsonb
      WHERE id = $1${held(fence)}`,
    [id, JSON.stringify(lines), ...fenceParams(fence), keep],
  );
}
