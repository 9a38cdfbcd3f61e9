import { describe, expect, it } from 'vitest';
import type { InsertedEvent, NewEvent, NewType } from './event-insert';
import { InsertBatcher } from './insert-batcher';

const ev = (deliveryId: string): NewEvent => ({ sourceKey: 's', type: 't', deliveryId, payload: {}, body: '{}', headers: {}, sentBy: null, depth: 0 });
type Row = NewEvent & { id: string };

/** An insert that answers after `release()`, recording each statement's delivery ids. */
function gatedInsert(fail?: (rows: Row[]) => unknown) {
  const statements: string[][] = [];
  const gates: (() => void)[] = [];
  const insert = async (rows: Row[], _types: NewType[]): Promise<InsertedEvent[]> => {
    statements.push(rows.map((r) => r.deliveryId!));
    await new Promise<void>((r) => gates.push(r));
    const error = fail?.(rows);
    if (error) throw error;
    return rows.map((r) => ({ id: r.id, type: r.type, deliveryId: r.deliveryId, receivedAt: new Date(0), registered: false }));
  };
  const release = async () => {
    while (gates.length) gates.shift()!();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { insert, statements, release };
}
/** One delivery per id, each added alone (the first four take every statement slot). */
const addEach = (b: InsertBatcher, ids: string[]) => ids.map((id) => b.add([ev(id)], []));
const FOUR = ['w', 'x', 'y', 'z'];
const dataError = Object.assign(new Error('invalid byte sequence'), { code: '22021' });

const down = Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });

describe('InsertBatcher', () => {
  it('sends a lone delivery on its own and answers with its rows', async () => {
    const g = gatedInsert();
    const b = new InsertBatcher(g.insert);
    const p = b.add([ev('a')], []);
    await g.release();
    expect((await p).map((r) => r.deliveryId)).toEqual(['a']);
    expect(g.statements).toEqual([['a']]);
  });

  it('lets deliveries that arrive while four statements are in flight share the next one', async () => {
    const g = gatedInsert();
    const b = new InsertBatcher(g.insert);
    const all = addEach(b, ['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(g.statements).toEqual([['a'], ['b'], ['c'], ['d']]);
    await g.release(); // the four commit; the three that waited go out together
    expect(g.statements.at(-1)).toEqual(['e', 'f', 'g']);
    await g.release();
    expect((await Promise.all(all)).map((rows) => rows.map((r) => r.deliveryId))).toEqual([['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']]);
    expect(b.stats).toEqual({ statements: 5, deliveries: 7, largest: 3 });
  });

  it('retries a batch one delivery at a time when Postgres refuses a row, so only that one fails', async () => {
    const g = gatedInsert((rows) => (rows.some((r) => r.deliveryId === 'bad') ? dataError : undefined));
    const b = new InsertBatcher(g.insert);
    const first = addEach(b, FOUR);
    const batch = Promise.allSettled(addEach(b, ['ok1', 'bad', 'ok2']));
    await g.release();
    await g.release(); // the shared statement fails
    await g.release(); // each alone
    await Promise.all(first);
    const [ok1, bad, ok2] = await batch;
    expect(ok1).toMatchObject({ status: 'fulfilled' });
    expect(ok2).toMatchObject({ status: 'fulfilled' });
    expect(bad).toMatchObject({ status: 'rejected', reason: dataError });
    expect(g.statements.slice(4)).toEqual([['ok1', 'bad', 'ok2'], ['ok1'], ['bad'], ['ok2']]);
  });

  it('fails the whole batch at once, without retries, when Postgres cannot be reached', async () => {
    const g = gatedInsert((rows) => (rows.length > 1 ? down : undefined));
    const b = new InsertBatcher(g.insert);
    const first = addEach(b, FOUR);
    const batch = Promise.allSettled(addEach(b, ['p', 'q']));
    await g.release();
    await g.release();
    await Promise.all(first);
    expect((await batch).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(g.statements.slice(4)).toEqual([['p', 'q']]);
  });

  it('keeps a batch under 200 rows', async () => {
    const g = gatedInsert();
    const b = new InsertBatcher(g.insert);
    const first = addEach(b, FOUR);
    const many = Array.from({ length: 3 }, (_, i) => b.add(Array.from({ length: 90 }, (_, j) => ev(`${i}-${j}`)), []));
    await g.release();
    expect(g.statements.slice(4).map((s) => s.length)).toEqual([180, 90]);
    await g.release();
    await Promise.all([...first, ...many]);
  });

  it('refuses, without sending them, deliveries that wait too long for a statement (Postgres stalled)', async () => {
    const g = gatedInsert();
    const b = new InsertBatcher(g.insert);
    const hung = addEach(b, FOUR);
    const started = Date.now();
    const late = await b.add([ev('late')], []).then(() => 'answered', (err: Error & { code?: string }) => ({ message: err.message, code: err.code, ms: Date.now() - started }));
    expect(late).toMatchObject({ code: '53300', message: expect.stringMatching(/^database busy: no statement slot within 400 ms/) });
    expect((late as { ms: number }).ms).toBeLessThan(1_000);
    expect(g.statements.flat()).not.toContain('late'); // never sent
    await g.release();
    await Promise.all(hung);
  });

  it('refuses everyone still waiting as soon as a statement finds Postgres unreachable', async () => {
    const g = gatedInsert((rows) => (rows[0].deliveryId === 'w' ? down : undefined));
    const b = new InsertBatcher(g.insert);
    const first = Promise.allSettled(addEach(b, FOUR));
    const waiting = Promise.allSettled(addEach(b, ['p', 'q']));
    g.release(); // 'w' fails first; p and q are refused with it instead of being sent
    expect((await waiting).map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(g.statements.flat()).not.toContain('p');
    await g.release();
    expect((await first).map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled', 'fulfilled']);
  });

  it('retries a batch that lost a deadlock one delivery at a time', async () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    const g = gatedInsert((rows) => (rows.length > 1 ? deadlock : undefined));
    const b = new InsertBatcher(g.insert);
    const first = addEach(b, FOUR);
    const batch = Promise.allSettled(addEach(b, ['p', 'q']));
    for (let i = 0; i < 3; i++) await g.release();
    await Promise.all(first);
    expect((await batch).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(g.statements.slice(4)).toEqual([['p', 'q'], ['p'], ['q']]);
  });
});
