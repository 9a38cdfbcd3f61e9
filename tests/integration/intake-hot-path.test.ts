// The intake's hot path (issue 11): the source comes from a per-process cache, the event rows and
// any new event type are one INSERT, the job and the live message follow the commit. These pin
// what the cache and the single statement must not change: a rotated secret works at once (even
// when another process rotated it), a revoked one stops at once in the process that revoked it,
// an unknown type is in the registry when the 202 arrives, and every 202 names a committed row.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH as sourcePatch } from '@/app/api/sources/[key]/route';
import { sha256 } from '@/server/crypto';
import { db } from '@/server/db/client';
import { LIVE_STREAM } from '@/server/live/stream';
import { sharedRedis } from '@/server/queue/connection';
import { admin, closeAll, postEvent, resetState, SOURCES } from '../support/harness';
import { callRoute } from '../support/http';

beforeAll(resetState);
afterAll(() => closeAll());

const send = (token: string, type = 'cache.test') =>
  postEvent('generic', type, { n: randomUUID() }, { Authorization: `Bearer ${token}` }, { auth: false });

describe('source configuration cache', () => {
  it('accepts a secret changed by another process at once: a mismatch re-reads the source', async () => {
    expect((await send(SOURCES.generic.secret)).status).toBe(202); // now cached in this process
    // Another web process's rotation: the row changes, this process's cache is not told.
    await db().source.update({ where: { key: 'generic' }, data: { secretHash: sha256('changed-elsewhere-1') } });
    expect((await send('changed-elsewhere-1')).status).toBe(202);
    // The re-read replaced the cached row: the old token is refused now.
    expect((await send(SOURCES.generic.secret)).status).toBe(401);
  });

  it('refuses a secret revoked through this process at once (no grace)', async () => {
    expect((await send('changed-elsewhere-1')).status).toBe(202);
    const patch = await callRoute(sourcePatch, '/api/sources/generic', { key: 'generic' },
      { method: 'PATCH', headers: admin, body: { auth: { mode: 'token', secret: 'generic-token-secret-3', graceHours: 0 } } });
    expect(patch.status).toBe(200);
    expect((await send('changed-elsewhere-1')).status).toBe(401);
    expect((await send('generic-token-secret-3')).status).toBe(202);
  });
});

describe('one-statement insert', () => {
  it('stores a new type in the registry in the same commit, once', async () => {
    const type = `hot.${randomUUID().slice(0, 8)}`;
    const first = await send('generic-token-secret-3', type);
    expect(first.status).toBe(202);
    const rows = await db().eventType.findMany({ where: { sourceKey: 'generic', type } });
    expect(rows).toEqual([expect.objectContaining({ registered: false })]);
    expect((await send('generic-token-secret-3', type)).status).toBe(202);
    expect(await db().eventType.count({ where: { sourceKey: 'generic', type } })).toBe(1);
  });

  it('answers 202 only with a committed row, and publishes its summary from what the insert returned', async () => {
    const res = await send('generic-token-secret-3', 'hot.committed');
    expect(res.status).toBe(202);
    const row = await db().event.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ sourceKey: 'generic', type: 'hot.committed', deliveryId: null, depth: 0 });
    expect(row.headers).toMatchObject({ authorization: '[redacted]' });
    expect(Math.abs(row.receivedAt.getTime() - Date.now())).toBeLessThan(60_000); // stored as UTC, as Prisma writes it
    const entries = await sharedRedis().xrevrange(LIVE_STREAM, '+', '-', 'COUNT', 20);
    const summaries = entries.map(([, f]) => JSON.parse(f[f.indexOf('data') + 1])).filter((m) => m.kind === 'event' && m.event.id === res.body.id);
    expect(summaries).toEqual([expect.objectContaining({ event: expect.objectContaining({ type: 'hot.committed', registered: false, receivedAt: row.receivedAt.toISOString() }) })]);
  });

  it('keeps ids in creation order within a process, like Prisma cuids', async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await send('generic-token-secret-3', 'hot.order')).body.id as string);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => /^c[0-9a-z]{24}$/.test(id))).toBe(true);
  });
});
