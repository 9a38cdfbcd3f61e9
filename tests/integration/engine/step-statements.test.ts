// The step transition's cost in SQL statements (issue 11): a chain step is ONE statement, its
// settle, which also claims the next step for this worker (runs/settle-linear.ts), with nothing
// reloaded. (The first step of a run is created claimed, with the run, for the event job that runs it.) (Any other settle is one
// transaction: BEGIN, lock + settle, statuses, advance, COMMIT; the chain's last step is one.) Counted client side
// (every query a pg client of this process sends, Prisma's included) as the difference between a
// 4-step and a 1-step chain of no-op steps, so event intake and run creation cancel out.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeAll, postEvent, publishYaml, resetState, waitFor, type Workers } from '../../support/harness';
import { startWorkers } from '@/worker/start';

let counting = false;
let count = 0;
const original = pg.Client.prototype.query;
let workers: Workers;
// Polls outside the count (its queries are not the engine's).
const poll = new pg.Client({ connectionString: process.env.DATABASE_URL });
const uncounted = new WeakSet<object>([poll]);

const chain = (n: number) => `apiVersion: railyard/v1\nkind: Workflow\nname: stmt-chain-${n}\ntrigger: { source: generic, type: stmt-chain-${n} }\nsteps:\n` +
  Array.from({ length: n }, (_, i) => `  - id: s${i + 1}\n    action: log\n    with: { message: hop }\n${i ? `    needs: [s${i}]\n` : ''}`).join('');

/** Statements sent while one run of an n-step chain goes from its event to its end. */
async function statementsFor(n: number): Promise<number> {
  count = 0;
  counting = true;
  const sent = await postEvent('generic', `stmt-chain-${n}`, {});
  const run = await waitFor(async () => {
    const { rows } = await poll.query(`SELECT status FROM "Run" WHERE "eventId" = $1 AND "finishedAt" IS NOT NULL`, [sent.body.id]);
    return rows[0] as { status: string } | undefined;
  }, 15_000, `the stmt-chain-${n} run`);
  // The finished run's trailing work (live event summary, subscription probe) runs after its commit.
  await new Promise((r) => setTimeout(r, 300));
  counting = false;
  expect(run.status).toBe('succeeded');
  return count;
}

beforeAll(async () => {
  (pg.Client.prototype as unknown as { query: unknown }).query = function (this: pg.Client, ...args: unknown[]) {
    if (counting && !uncounted.has(this)) count++;
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  };
  await resetState();
  for (const n of [1, 4]) expect((await publishYaml(chain(n))).status).toBe(201);
  await poll.connect();
  // No reconciler pass while counting: it is not part of a step's cost.
  workers = await startWorkers({ reconcileEveryMs: 3_600_000, concurrency: 5 });
  await statementsFor(1); // caches and connections warm
});
afterAll(async () => {
  pg.Client.prototype.query = original;
  await poll.end();
  await closeAll(workers);
});

describe('a no-op step', () => {
  it('costs 1 SQL statement in a chain (its settle, which claims the next step) and no reload of its run', async () => {
    const one = await statementsFor(1);
    const four = await statementsFor(4);
    expect((four - one) / 3).toBe(1);
  });

  it('an event with a one-step run costs 11 statements from intake to the run\'s end', async () => {
    // Intake: the INSERT (1). The event job: the event with its live versions (1), run creation as
    // one round trip, which also claims the first step for this job (1), the subscription probe
    // (1). The step: as a run's last step, the general settle (BEGIN, lock + settle, statuses,
    // advance, COMMIT: 5). The finished run: the event's summary (1) and the run's subscription
    // probe (1).
    expect(await statementsFor(1)).toBe(11);
  });
});
