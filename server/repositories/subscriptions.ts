// Subscriptions, their remembered outcomes and their deliveries: the only Prisma callers for the
// three tables (prisma/schema.prisma, issue 12).
import { db, type Db, type Tx } from '../db/client';
import { hotPool, prepared } from '../db/hot-pool';
import type { Prisma } from '../db/generated/client';

const withOwner = { owner: { select: { id: true, name: true, email: true, role: true, disabled: true } } } satisfies Prisma.SubscriptionInclude;
export type SubscriptionRow = Prisma.SubscriptionGetPayload<{ include: typeof withOwner }>;

export const createSubscription = (data: Prisma.SubscriptionUncheckedCreateInput, client: Db | Tx = db()) =>
  client.subscription.create({ data, include: withOwner });

export const findSubscription = (id: string, client: Db | Tx = db()) => client.subscription.findUnique({ where: { id }, include: withOwner });

/** A person's own subscriptions and every team subscription. */
export const listVisibleSubscriptions = (userId: string) =>
  db().subscription.findMany({ where: { OR: [{ ownerId: userId }, { team: true }] }, include: withOwner, orderBy: { createdAt: 'desc' } });

export const updateSubscription = (id: string, data: Prisma.SubscriptionUncheckedUpdateInput, client: Db | Tx = db()) =>
  client.subscription.update({ where: { id }, data, include: withOwner });

export const deleteSubscription = (id: string, client: Db | Tx = db()) => client.subscription.delete({ where: { id } });

/**
 * The cheap check the hooks make on every event and finished run: is anyone (unmuted) listening
 * to one of these keys? One indexed probe; nothing else happens when nobody is. On the hot pool
 * as a prepared statement (the worker's event and settle paths): through Prisma, planning this
 * probe cost Postgres several times its execution at every event (issue 11).
 */
export async function anyListening(keys: string[]): Promise<boolean> {
  if (keys.length === 0) return false;
  const { rows } = await hotPool().query(prepared(`SELECT 1 FROM "Subscription" WHERE "targetKey" = ANY($1::text[]) AND NOT "muted" LIMIT 1`, [keys]));
  return rows.length > 0;
}

/** The same probe for a run, joined to its workflow's name (settle-step knows only the run id). */
export async function anyListeningToRun(runId: string): Promise<boolean> {
  const { rows } = await hotPool().query(prepared(`
    SELECT 1 FROM "Run" r
      JOIN "WorkflowVersion" v ON v."id" = r."workflowVersionId"
      JOIN "Workflow" w ON w."id" = v."workflowId"
      JOIN "Subscription" s ON s."targetKey" = 'workflow:' || w."name" AND NOT s."muted"
    WHERE r."id" = $1 LIMIT 1`, [runId]));
  return rows.length > 0;
}

/** Unmuted subscriptions for these keys whose owner can still sign in. */
export const findListening = (keys: string[]) =>
  db().subscription.findMany({ where: { targetKey: { in: keys }, muted: false, owner: { disabled: false } }, include: withOwner, orderBy: { createdAt: 'asc' } });

/** Serialises every decision of one subscription (its state, its cap count). */
export async function lockSubscription(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<unknown[]>`SELECT 1 FROM "Subscription" WHERE "id" = ${id} FOR UPDATE`;
  return rows.length > 0;
}

/**
 * The remembered outcome of a group and the time of the outcome it reflects (a run's end, an
 * event's arrival), kept in `updatedAt`: set explicitly, so older news can be told apart.
 */
export async function outcomeState(tx: Tx, subscriptionId: string, groupKey: string): Promise<{ lastOutcome: 'success' | 'failure' | null; at: Date } | null> {
  const row = await tx.subscriptionState.findUnique({ where: { subscriptionId_groupKey: { subscriptionId, groupKey } } });
  if (!row) return null;
  return { lastOutcome: row.lastOutcome === 'success' || row.lastOutcome === 'failure' ? row.lastOutcome : null, at: row.updatedAt };
}

export const rememberOutcome = (tx: Tx, subscriptionId: string, groupKey: string, outcome: string, at: Date) =>
  tx.subscriptionState.upsert({
    where: { subscriptionId_groupKey: { subscriptionId, groupKey } },
    create: { subscriptionId, groupKey, lastOutcome: outcome, updatedAt: at },
    update: { lastOutcome: outcome, updatedAt: at },
  });

export const deliveriesExist = async (tx: Tx, subscriptionId: string, subjectKey: string) =>
  (await tx.notificationDelivery.count({ where: { subscriptionId, subjectKey } })) > 0;

/** Distinct subjects this subscription sent (or is sending) since `since`: what the rate cap counts. */
export async function subjectsSince(tx: Tx, subscriptionId: string, since: Date): Promise<number> {
  const rows = await tx.$queryRaw<{ n: bigint }[]>`
    SELECT count(DISTINCT "subjectKey") AS n FROM "NotificationDelivery"
    WHERE "subscriptionId" = ${subscriptionId} AND "createdAt" >= ${since}
      AND "status" IN ('pending', 'sent', 'failed') AND "subjectKey" NOT LIKE 'more:%' AND "subjectKey" NOT LIKE 'digest:%'`;
  return Number(rows[0]?.n ?? 0);
}

export type NewDelivery = { subscriptionId: string; subjectKey: string; channel: string; status: string; title: string; body: Prisma.InputJsonValue };

/** Inserts what is not there yet; returns the ids of the rows that are (new or not) for these keys. */
export async function insertDeliveries(tx: Tx, rows: NewDelivery[]): Promise<{ id: string; status: string; channel: string; subjectKey: string }[]> {
  if (rows.length === 0) return [];
  await tx.notificationDelivery.createMany({ data: rows, skipDuplicates: true });
  return tx.notificationDelivery.findMany({
    where: { OR: rows.map((r) => ({ subscriptionId: r.subscriptionId, subjectKey: r.subjectKey, channel: r.channel })) },
    select: { id: true, status: true, channel: true, subjectKey: true },
  });
}

export const findDelivery = (id: string) =>
  db().notificationDelivery.findUnique({ where: { id }, include: { subscription: { include: withOwner } } });

/**
 * Takes the send of a pending delivery for this attempt: only one job (a stalled one and its
 * retry, or two workers) wins the conditional update, so a message is never sent twice at once.
 */
export async function claimDelivery(id: string, attempts: number): Promise<boolean> {
  const res = await db().notificationDelivery.updateMany({ where: { id, status: 'pending', attempts }, data: { attempts: attempts + 1 } });
  return res.count === 1;
}

export const markDelivery = (id: string, data: { status: 'sent' | 'failed' | 'pending'; error?: string | null; title?: string; body?: Prisma.InputJsonValue }) =>
  db().notificationDelivery.update({ where: { id }, data: { ...data, ...(data.status === 'sent' && { sentAt: new Date(), error: null }) } });

export const countCapped = (subscriptionId: string, channel: string, from: Date, to: Date) =>
  db().notificationDelivery.count({ where: { subscriptionId, channel, status: 'capped', createdAt: { gte: from, lt: to } } });

export const listDeliveries = (subscriptionId: string, take = 200) =>
  db().notificationDelivery.findMany({ where: { subscriptionId }, orderBy: { createdAt: 'desc' }, take });

/** Pending deliveries older than `before` whose job may have been lost (Redis restarted). */
export const findStalePending = (before: Date, take = 200) =>
  db().notificationDelivery.findMany({ where: { status: 'pending', createdAt: { lt: before }, NOT: { subjectKey: { startsWith: 'more:' } } }, select: { id: true }, take, orderBy: { createdAt: 'asc' } });

/** Digest subscriptions with collected items recorded before `before`, per policy. */
export const findDigestWork = (policy: string, before: Date) =>
  db().notificationDelivery.findMany({
    where: { status: 'digest', createdAt: { lt: before }, subscription: { policy, muted: false } },
    select: { id: true, subscriptionId: true, channel: true, title: true, body: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 5000,
  });

export const markDigested = (tx: Tx, ids: string[]) =>
  tx.notificationDelivery.updateMany({ where: { id: { in: ids }, status: 'digest' }, data: { status: 'sent', sentAt: new Date() } });

/** Whether a delivery of `subjectKey` on `channel` exists for the subscription (a digest sent this window). */
export const deliveryExists = async (tx: Tx, subscriptionId: string, subjectKey: string, channel: string) =>
  (await tx.notificationDelivery.findFirst({ where: { subscriptionId, subjectKey, channel }, select: { id: true } })) !== null;

/** The subscription row, in the transaction that locked it. */
export const subscriptionInTx = (tx: Tx, id: string) => tx.subscription.findUniqueOrThrow({ where: { id } });
