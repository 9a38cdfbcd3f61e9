// The worker's notification timer (like the workspace sweeper): sends the hourly and daily digests
// of collected deliveries once their window has closed, and re-enqueues pending deliveries whose
// job was lost (Redis can be lost; Postgres says what is due).
import { digestMessage, type NotificationMessage } from '@/engine/subscriptions/message';
import { describeTarget, type Target } from '@/engine/subscriptions/schema';
import { dueDigest } from '@/engine/subscriptions/windows';
import type { Prisma } from '../db/generated/client';
import { db } from '../db/client';
import { env } from '../env';
import { enqueueDue, enqueueSafely } from '../queue/enqueue';
import * as repo from '../repositories/subscriptions';
import { publicBaseUrl } from './subjects';

/** Builds and enqueues every digest due at `now`; returns the digest deliveries created. */
export async function sendDueDigests(now: Date = new Date()): Promise<string[]> {
  const created: string[] = [];
  for (const policy of ['digest-hourly', 'digest-daily'] as const) {
    const due = dueDigest(policy, now.getTime());
    const groups = new Map<string, Awaited<ReturnType<typeof repo.findDigestWork>>>();
    for (const row of await repo.findDigestWork(policy, new Date(due.before))) {
      const key = `${row.subscriptionId}\u0000${row.channel}`;
      groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    for (const rows of groups.values()) {
      const { subscriptionId, channel } = rows[0];
      const id = await db().$transaction(async (tx) => {
        if (!(await repo.lockSubscription(tx, subscriptionId))) return null;
        // This window's digest for this channel went out already (a second worker): late items
        // stay collected for the next window.
        if (await repo.deliveryExists(tx, subscriptionId, due.subjectKey, channel)) return null;
        const sub = await repo.subscriptionInTx(tx, subscriptionId);
        const items = rows.map((r) => {
          const m = r.body as unknown as NotificationMessage;
          return { title: r.title, outcome: m?.outcome ?? 'neutral', link: m?.link ?? null };
        });
        const message = digestMessage(items, describeTarget(sub.target as Target), due.label === 'daily' ? 'Daily' : 'Hourly', publicBaseUrl());
        const [row] = await repo.insertDeliveries(tx, [
          { subscriptionId, subjectKey: due.subjectKey, channel, status: 'pending', title: message.headline, body: message as unknown as Prisma.InputJsonValue },
        ]);
        await repo.markDigested(tx, rows.map((r) => r.id));
        return row.id;
      });
      if (id) created.push(id);
    }
  }
  await enqueueSafely('notify.send', created.map((deliveryId) => ({ deliveryId })));
  return created;
}

/** Pending deliveries older than `graceMs` get their job again (a no-op while one is waiting). */
export async function requeueStaleDeliveries(graceMs = 120_000): Promise<number> {
  const stale = await repo.findStalePending(new Date(Date.now() - graceMs));
  for (const { id } of stale) await enqueueDue('notify.send', { deliveryId: id }).catch(() => undefined);
  return stale.length;
}

export function startNotificationTimer(everyMs: number = env().RAILYARD_NOTIFY_TICK_MS): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await sendDueDigests();
      await requeueStaleDeliveries();
    } catch (err) {
      console.warn(`[notify] timer: ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
