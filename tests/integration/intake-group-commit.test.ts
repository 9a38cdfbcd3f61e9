// Group commit on the intake (repositories/insert-batcher.ts) against the real Postgres: forty
// deliveries at once share fewer statements than there are deliveries, each answer names its own
// event, every row is stored with its own payload, and a redelivery inside the same batch as its
// original is still answered as the duplicate of the stored one.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/server/db/client';
import { insertBatchStats } from '@/server/repositories/event-insert';
import { postEvent, resetState } from '../support/harness';

beforeAll(resetState);

describe('intake group commit', () => {
  it('stores forty concurrent deliveries, each answered with its own event, in fewer statements', async () => {
    const before = insertBatchStats();
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => postEvent('generic', 'batched', { n: i })));
    expect(answers.map((a) => a.status)).toEqual(Array(40).fill(202));
    const ids = answers.map((a) => a.body.id as string);
    expect(new Set(ids).size).toBe(40);
    const rows = await db().event.findMany({ where: { id: { in: ids } }, select: { id: true, payload: true } });
    const payloadOf = new Map(rows.map((r) => [r.id, r.payload]));
    expect(ids.map((id) => payloadOf.get(id))).toEqual(Array.from({ length: 40 }, (_, i) => ({ n: i })));
    const after = insertBatchStats();
    expect(after.deliveries - before.deliveries).toBe(40);
    expect(after.statements - before.statements).toBeLessThan(40);
  });

  it('answers a redelivery batched with its original as a duplicate of the stored event', async () => {
    const headers = { 'idempotency-key': 'same-delivery-1' };
    const answers = await Promise.all(Array.from({ length: 12 }, () => postEvent('generic', 'batched', { once: true }, headers)));
    // The one that stored it answers 202; the redeliveries 200, naming the same event.
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(11).fill(200), 202]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers.filter((a) => a.body.duplicate).length).toBe(11);
    expect(await db().event.count({ where: { deliveryId: 'same-delivery-1' } })).toBe(1);
  });
});
