// A hot-path connection that Postgres ends while it is checked out, between two statements of a
// transaction (an administrator's pg_terminate_backend, a failover, a restart), must fail the next
// statement, never crash the process: pg emits 'error' on a checked-out client, and an 'error'
// event with no listener is an uncaught exception (the worker died of it in outcome-recording).
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { closeHotPool, hotPool, inHotTx } from '@/server/db/hot-pool';
import { waitFor } from '../../support/harness';

const admin = new pg.Client({ connectionString: process.env.DATABASE_OWNER_URL ?? process.env.DATABASE_URL });
afterAll(async () => {
  await admin.end().catch(() => undefined);
  await closeHotPool();
});

describe('hot pool', () => {
  it('survives its connection being terminated mid-transaction and serves the next one', async () => {
    await admin.connect();
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    try {
      const failed = await inHotTx(async (c) => {
        const pid = (await c.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
        await admin.query('SELECT pg_terminate_backend($1)', [pid]);
        // The socket closes while the client is checked out and idle: this is where 'error' fires.
        await waitFor(async () => (await admin.query('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).rowCount === 0, 5_000, 'the backend to end');
        await new Promise((r) => setTimeout(r, 100));
        return c.query('SELECT 1');
      }).then(() => 'no error', (err: Error) => err.message);
      expect(failed).not.toBe('no error');
      expect(uncaught).toEqual([]);
      // The broken client was dropped: the pool hands out a working one.
      expect((await hotPool().query('SELECT 2 AS two')).rows).toEqual([{ two: 2 }]);
    } finally {
      process.off('uncaughtException', onUncaught);
    }
  });
});
