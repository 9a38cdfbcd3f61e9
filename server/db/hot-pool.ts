// The hot paths' own connections (DESIGN.md "Hot paths"): plain `pg`, no Prisma, used only by
// server/repositories (the step transition, run creation, the event read and summary, the intake
// INSERT, the subscription probes) and runs/log-rows.ts. Same timeouts as Prisma's pool (client.ts). Sized from the
// worker's concurrency (hotPoolSize) so a step never waits for a connection while Prisma's pool
// (RAILYARD_DB_POOL) serves everything else.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { env } from '../env';
import { poolConfig } from './client';

const holder = globalThis as unknown as { railyardHotPool?: pg.Pool };

// Prisma stores DateTime as timestamp(3) WITHOUT time zone, in UTC. pg would read those as local
// time: read them as UTC, and write them as ISO strings cast with ::timestamp (see the repository).
const TIMESTAMP = 1114;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP ? (v: string) => new Date(`${v.replace(' ', 'T')}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/**
 * Every job of a worker holds at most one hot connection at a time: the step queue's C jobs (a
 * claim or settle; a heartbeat or log flush beside it is what the + 4 covers), the event queue's C
 * jobs (the event read, run creation, which waits for the wait lock while holding it) and the
 * steps those event jobs run themselves (C / 4, runs/active-steps.ts). Connections open lazily,
 * so a web process, which uses a few for intake, never opens the rest.
 */
export const hotPoolSize = (concurrency: number) => 2 * concurrency + Math.floor(concurrency / 4) + 4;

export function hotPool(): pg.Pool {
  if (holder.railyardHotPool) return holder.railyardHotPool;
  const { connectionString, connectionTimeoutMillis, query_timeout, statement_timeout, idle_in_transaction_session_timeout } = poolConfig();
  const pool = new pg.Pool({
    connectionString, connectionTimeoutMillis, query_timeout, statement_timeout, idle_in_transaction_session_timeout, types,
    max: hotPoolSize(env().RAILYARD_WORKER_CONCURRENCY),
  });
  pool.on('error', (err) => console.warn(`[db] idle hot-path connection lost: ${err.message}`));
  // The pool listens for errors only on idle clients. A checked-out client whose server session is
  // terminated between two queries (inside inHotTx, say) emits 'error' with no listener, which
  // would crash the process; the next query on it fails instead, and the caller retries.
  // (The pool already logs an idle client's error; a checked-out one's next query reports it.)
  pool.on('connect', (client) => client.on('error', () => undefined));
  holder.railyardHotPool = pool;
  return pool;
}

export async function closeHotPool(): Promise<void> {
  const pool = holder.railyardHotPool;
  holder.railyardHotPool = undefined;
  await pool?.end().catch(() => undefined);
}

/**
 * A named prepared statement per SQL text: each connection parses and plans the transition's
 * statements once, not at every step (the CTEs are the Postgres side of the per-step cost).
 */
export function prepared(text: string, values: unknown[]): pg.QueryConfig {
  const name = names.get(text) ?? `ry_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
  names.set(text, name);
  return { name, text, values };
}
const names = new Map<string, string>();

/** Runs `fn` in one transaction on one hot-path connection; rolls back when it throws. */
export async function inHotTx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await hotPool().connect();
  try {
    await client.query('BEGIN');
    const out = await fn(client);
    await client.query('COMMIT');
    return out;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
