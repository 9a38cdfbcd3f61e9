// The event path's one-round-trip run creation (server/repositories/run-insert.ts) is a simple
// query with every value written as a literal. Hostile strings (quotes, backslashes, a statement
// terminator, SQL) must arrive as data; the claim must be once only; a waiting step must make it
// write nothing, also one that commits while the call waits for the wait key's lock.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { newCuid } from '@/server/repositories/cuid';
import { toEventSummary } from '@/server/dto/map-events';
import { eventSummaries } from '@/server/repositories/event-summaries';
import { findEvent } from '@/server/repositories/events';
import { registeredPairs } from '@/server/repositories/event-types';
import { claimEventAndInsertRuns, WAIT_LOCK_SPACE } from '@/server/repositories/run-insert';
import { closeAll, publishYaml, resetState } from '../../support/harness';

const HOSTILE = `it's \\ "quoted"'); DROP TABLE "Run"; -- $$ \\x00`.replace('\\x00', '');

let versionId: string;
beforeAll(async () => {
  await resetState();
  expect((await publishYaml(`apiVersion: railyard/v1\nkind: Workflow\nname: hostile-insert\ntrigger: { source: generic, type: hostile }\nsteps:\n  - { id: a, action: log, with: { message: hi } }\n`)).status).toBe(201);
  versionId = (await db().workflowVersion.findFirstOrThrow({ where: { workflow: { name: 'hostile-insert' } } })).id;
});
afterAll(() => closeAll(undefined));

async function storedEvent(sourceKey: string, type: string) {
  return db().event.create({ data: { sourceKey, type, payload: {}, body: '{}', headers: {} } });
}

describe('run creation in one round trip', () => {
  it('writes hostile strings as data and claims the event once', async () => {
    const e = await storedEvent('generic', HOSTILE);
    const run = { id: newCuid(), versionId, steps: [{ id: newCuid(), stepId: HOSTILE, action: `log${HOSTILE}`, status: 'queued' as const, attempt: 1 }] };
    const first = await claimEventAndInsertRuns(e, [run], new Date());
    expect(first.kind).toBe('created');
    const step = await db().stepRun.findUniqueOrThrow({ where: { id: run.steps[0].id } });
    expect([step.stepId, step.action, step.status, step.attempt]).toEqual([HOSTILE, `log${HOSTILE}`, 'queued', 1]);
    expect(first.kind === 'created' && first.runs[0].steps[0].queuedAt).toBeInstanceOf(Date);
    expect((await db().event.findUniqueOrThrow({ where: { id: e.id } })).processedAt).not.toBeNull();
    // A second claim (another worker, a redelivery) writes nothing.
    const again = await claimEventAndInsertRuns(e, [{ ...run, id: newCuid(), steps: [{ ...run.steps[0], id: newCuid() }] }], new Date());
    expect(again.kind).toBe('taken');
    expect(await db().run.count({ where: { eventId: e.id } })).toBe(1);
  });

  it('writes nothing when a step waits for this kind of event, so the general path resolves it', async () => {
    const e = await storedEvent(HOSTILE, 'awaited');
    const waitingRun = await db().run.create({
      data: { workflowVersionId: versionId, eventId: e.id, status: 'running', steps: { create: [{ stepId: 'w', action: 'event.wait', status: 'waiting',
        waitFor: { kind: 'event', source: HOSTILE, type: 'awaited', since: new Date().toISOString() } }] } },
    });
    const next = await storedEvent(HOSTILE, 'awaited');
    const out = await claimEventAndInsertRuns(next, [{ id: newCuid(), versionId, steps: [] }], new Date());
    expect(out.kind).toBe('waiters');
    expect((await db().event.findUniqueOrThrow({ where: { id: next.id } })).processedAt).toBeNull();
    expect(await db().run.count({ where: { eventId: next.id } })).toBe(0);
    await db().run.delete({ where: { id: waitingRun.id } });
  });

  it('sees a waiter that committed while it waited for the lock: the probe runs after the lock is granted', async () => {
    // What a step entering `waiting` does (runs/wait-events.ts): take the key exclusively, write
    // the waiting step, look back, commit. The call blocks on the shared lock meanwhile. A probe
    // whose snapshot predated the lock (one statement that takes the lock and probes) would miss
    // this waiter and claim the event; then nobody would ever resolve it.
    const source = `race-${newCuid()}`;
    const e = await storedEvent(source, 'awaited');
    const waiter = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await waiter.connect();
    try {
      await waiter.query('BEGIN');
      await waiter.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [WAIT_LOCK_SPACE, `${source}/awaited`]);
      const waitingRun = await db().run.create({ data: { workflowVersionId: versionId, eventId: e.id, status: 'running' } });
      await waiter.query(`INSERT INTO "StepRun" (id, "runId", "stepId", action, status, "waitFor") VALUES ($1, $2, 'w', 'event.wait', 'waiting', $3)`,
        [newCuid(), waitingRun.id, { kind: 'event', source, type: 'awaited', since: new Date().toISOString() }]);
      const next = await storedEvent(source, 'awaited');
      const call = claimEventAndInsertRuns(next, [{ id: newCuid(), versionId, steps: [] }], new Date());
      // The call is waiting for the lock (not finished, and Postgres shows it waiting on an advisory lock).
      await expect.poll(async () => (await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)[0].n).toBe(1);
      await waiter.query('COMMIT');
      expect((await call).kind).toBe('waiters');
      expect((await db().event.findUniqueOrThrow({ where: { id: next.id } })).processedAt).toBeNull();
      expect(await db().run.count({ where: { eventId: next.id } })).toBe(0);
      await db().run.delete({ where: { id: waitingRun.id } });
    } finally {
      await waiter.end();
    }
  });

  it('rolls back everything when a row is refused (a version that does not exist)', async () => {
    const e = await storedEvent('generic', 'fk');
    await expect(claimEventAndInsertRuns(e, [{ id: newCuid(), versionId: 'no-such-version', steps: [] }], new Date())).rejects.toThrow(/foreign key/);
    expect((await db().event.findUniqueOrThrow({ where: { id: e.id } })).processedAt).toBeNull();
    // The pooled connection is usable afterwards (the aborted block was rolled back).
    const ok = await claimEventAndInsertRuns(e, [{ id: newCuid(), versionId, steps: [] }], new Date());
    expect(ok.kind).toBe('created');
  });
});

describe("an event's live summary in one statement", () => {
  it('is what the Prisma read with its includes gives, runs in number order', async () => {
    const e = await storedEvent('generic', 'summary');
    await claimEventAndInsertRuns(e, [{ id: newCuid(), versionId, steps: [] }, { id: newCuid(), versionId, steps: [] }], new Date());
    await db().run.updateMany({ where: { eventId: e.id }, data: { status: 'succeeded' } });
    const full = (await findEvent(e.id))!;
    const registered = (await registeredPairs([{ sourceKey: 'generic', type: 'summary' }])).has('generic/summary');
    const [hot] = await eventSummaries([e.id]);
    expect(hot).toEqual(toEventSummary(full, registered));
    expect(hot.runs.map((r) => r.status)).toEqual(['succeeded', 'succeeded']);
    expect(hot.runs[0].number).toBeLessThan(hot.runs[1].number);
    expect(await eventSummaries(['no-such-event'])).toEqual([]);
    // One id and several are two statements (the one-id form is planned once per connection).
    expect(await eventSummaries([e.id, 'no-such-event'])).toEqual([hot]);
  });
});
