import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';
import { env } from '../env';
import { processRole } from '../process-role';
import { closeHotPool } from './hot-pool';

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// One client per process. Next's dev server re-evaluates modules, so keep it on globalThis.
const holder = globalThis as unknown as { railyardDb?: PrismaClient };

/**
 * Every wait on Postgres is bounded, so a stalled or stopped database turns into an error (and a
 * 503, see server/db/unavailable.ts) instead of a request that hangs: connecting or waiting for a
 * pooled connection (connectionTimeoutMillis), one query's answer (query_timeout, client side),
 * a runaway statement (statement_timeout, server side) and a transaction left open by a caller
 * that went away (idle_in_transaction_session_timeout). A worker has nobody waiting on it, so it
 * gets the statement timeout as its read timeout and a longer connect timeout.
 */
export function poolConfig() {
  const e = env();
  const web = processRole() === 'web';
  return {
    connectionString: e.DATABASE_URL,
    max: e.RAILYARD_DB_POOL,
    connectionTimeoutMillis: web ? e.RAILYARD_DB_CONNECT_TIMEOUT_MS : Math.max(e.RAILYARD_DB_CONNECT_TIMEOUT_MS, 10_000),
    query_timeout: web ? e.RAILYARD_DB_QUERY_TIMEOUT_MS : e.RAILYARD_DB_STATEMENT_TIMEOUT_MS + 5_000,
    statement_timeout: e.RAILYARD_DB_STATEMENT_TIMEOUT_MS,
    idle_in_transaction_session_timeout: e.RAILYARD_DB_IDLE_TX_TIMEOUT_MS,
  };
}

export function db(): PrismaClient {
  if (holder.railyardDb) return holder.railyardDb;
  const config = poolConfig();
  const web = processRole() === 'web';
  holder.railyardDb = new PrismaClient({
    adapter: new PrismaPg(config, {
      // An idle pooled connection that breaks (Postgres restarted) is dropped by the pool; say so once.
      onPoolError: (err) => console.warn(`[db] idle connection lost: ${err.message}`),
    }),
    // A worker under a burst waits a little for a pooled connection rather than failing; a web
    // request gives up at about the pool's own connect timeout and answers 503.
    transactionOptions: web
      ? { maxWait: config.connectionTimeoutMillis + 500, timeout: 20_000 }
      : { maxWait: 10_000, timeout: 20_000 },
  });
  return holder.railyardDb;
}

export async function disconnectDb(): Promise<void> {
  await closeHotPool();
  await holder.railyardDb?.$disconnect();
  holder.railyardDb = undefined;
}
