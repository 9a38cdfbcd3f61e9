// Subscriptions (issue 12): every signed-in person manages their own; a team subscription (posting
// to a shared channel) needs the editor role, and any editor may change it. A person subscribes
// only to what their role reads, and only to a target that exists. Team changes are audited.
import { can } from '@/engine/auth/roles';
import type { DeliveryDto, DeliveryStatus, SubscriptionDto } from '@/engine/subscriptions/dto';
import { createSubscriptionSchema, describeTarget, targetKey, updateSubscriptionSchema, type Target } from '@/engine/subscriptions/schema';
import { authorize, type Actor } from '../auth/authorize';
import type { Principal } from '../auth/principal';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db/client';
import { findUserById } from '../repositories/users';
import type { Prisma } from '../db/generated/client';
import { AppError, badRequest, notFound } from '../errors';
import { findPipeline } from '../repositories/pipelines';
import { findSource } from '../repositories/sources';
import * as repo from '../repositories/subscriptions';
import { findWorkflow } from '../repositories/workflows';
import { channelDtos, sealChannels, storedChannels } from '../subscriptions/channels';
import { ensureInternalSource, INTERNAL_SOURCE } from './emit-event';

type Person = Principal & { userId: string };

/** Subscriptions belong to a person: a session or that person's own token. */
export function subscriber(actor: Actor): Person {
  const p = authorize(actor, 'read');
  if (!p.userId) throw new AppError('forbidden', 'subscriptions belong to a person: sign in, or use a personal API token');
  return p as Person;
}

const mayManage = (p: Person, s: repo.SubscriptionRow) => s.ownerId === p.userId || (s.team && can(p.role, 'subscriptions.team'));

export function toSubscriptionDto(s: repo.SubscriptionRow, viewer: Person): SubscriptionDto {
  const target = s.target as Target;
  return {
    id: s.id, owner: { id: s.owner.id, name: s.owner.name }, team: s.team, target, label: describeTarget(target),
    policy: s.policy as SubscriptionDto['policy'], groupBy: s.groupBy, channels: channelDtos(s.channels, s.owner.email), muted: s.muted,
    canManage: mayManage(viewer, s), createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
  };
}

/** The target exists (and today every role reads every target; the check stays for when not). */
async function checkTarget(p: Person, t: Target): Promise<void> {
  if (!can(p.role, 'read')) throw new AppError('forbidden', `your role (${p.role}) may not read ${describeTarget(t)}`);
  // Railyard's own events (train.departed…) have a built-in source, created on first use.
  if (t.kind === 'event-type' && t.source === INTERNAL_SOURCE) await ensureInternalSource();
  else if (t.kind === 'event-type' && !(await findSource(t.source))) throw badRequest(`target.source: no source "${t.source}"`);
  if (t.kind === 'workflow' && !(await findWorkflow(t.name))) throw notFound(`target.name: workflow "${t.name}"`);
  if (t.kind === 'pipeline' && !(await findPipeline(t.key))) throw notFound(`target.key: pipeline "${t.key}"`);
}

/** A personal subscription mails its owner only: Railyard's SMTP is no relay to anyone. */
function checkChannels(p: Person, team: boolean, ownerEmail: string, channels: { kind: string; to?: string }[]): void {
  if (team) return;
  channels.forEach((c, i) => {
    if (c.kind === 'email' && c.to && c.to.toLowerCase() !== ownerEmail.toLowerCase()) {
      throw badRequest(`channels.${i}.to: a personal subscription mails its owner (${ownerEmail}); a team subscription (editors) may mail another address`);
    }
  });
}

function checkTeam(p: Person, team: boolean): void {
  if (team && !can(p.role, 'subscriptions.team')) throw new AppError('forbidden', `team: a team subscription needs the editor role; yours is ${p.role}`);
}

const auditView = (s: repo.SubscriptionRow) => ({
  target: s.target, policy: s.policy, groupBy: s.groupBy, muted: s.muted, owner: s.owner.name,
  channels: channelDtos(s.channels, s.owner.email).map((c) => (c.kind === 'email' ? `email ${c.to}` : `${c.format} ${c.urlHint}`)),
});

async function ownerEmail(userId: string): Promise<string> {
  const u = await findUserById(userId);
  if (!u) throw new Error(`user ${userId} not found`);
  return u.email;
}

export async function listSubscriptionsUseCase(actor: Actor): Promise<SubscriptionDto[]> {
  const p = subscriber(actor);
  return (await repo.listVisibleSubscriptions(p.userId)).map((s) => toSubscriptionDto(s, p));
}

export async function createSubscriptionUseCase(actor: Actor, input: unknown): Promise<SubscriptionDto> {
  const p = subscriber(actor);
  const data = createSubscriptionSchema.parse(input);
  checkTeam(p, data.team);
  await checkTarget(p, data.target);
  checkChannels(p, data.team, await ownerEmail(p.userId), data.channels);
  const row = await db().$transaction(async (tx) => {
    const created = await repo.createSubscription(
      {
        ownerId: p.userId, team: data.team, target: data.target as Prisma.InputJsonValue, targetKey: targetKey(data.target), policy: data.policy,
        groupBy: data.groupBy ?? null, channels: sealChannels(data.channels) as unknown as Prisma.InputJsonValue, muted: data.muted ?? false,
      },
      tx,
    );
    if (created.team) await recordAudit(tx, { actor: p, action: 'subscription.create', subjectType: 'subscription', subjectId: created.id, after: auditView(created) });
    return created;
  });
  return toSubscriptionDto(row, p);
}

async function manageable(p: Person, id: string): Promise<repo.SubscriptionRow> {
  const s = await repo.findSubscription(id);
  // Someone else's personal subscription is not even there for you.
  if (!s || (!s.team && s.ownerId !== p.userId)) throw notFound(`subscription "${id}"`);
  if (!mayManage(p, s)) throw new AppError('forbidden', 'a team subscription is changed by editors');
  return s;
}

export async function updateSubscriptionUseCase(actor: Actor, id: string, input: unknown): Promise<SubscriptionDto> {
  const p = subscriber(actor);
  const data = updateSubscriptionSchema.parse(input);
  const old = await manageable(p, id);
  const team = data.team ?? old.team;
  checkTeam(p, team);
  if (data.channels) checkChannels(p, team, old.owner.email, data.channels);
  else if (data.team === false) checkChannels(p, false, old.owner.email, storedChannels(old.channels));
  const row = await db().$transaction(async (tx) => {
    const updated = await repo.updateSubscription(
      id,
      {
        ...(data.policy !== undefined && { policy: data.policy }),
        ...(data.groupBy !== undefined && { groupBy: data.groupBy }),
        ...(data.muted !== undefined && { muted: data.muted }),
        ...(data.team !== undefined && { team: data.team }),
        ...(data.channels && { channels: sealChannels(data.channels, storedChannels(old.channels)) as unknown as Prisma.InputJsonValue }),
      },
      tx,
    );
    // A new policy or grouping starts from a clean slate of remembered outcomes.
    if ((data.policy && data.policy !== old.policy) || (data.groupBy !== undefined && data.groupBy !== old.groupBy)) {
      await tx.subscriptionState.deleteMany({ where: { subscriptionId: id } });
    }
    if (old.team || updated.team) {
      await recordAudit(tx, { actor: p, action: 'subscription.update', subjectType: 'subscription', subjectId: id, before: auditView(old), after: auditView(updated) });
    }
    return updated;
  });
  return toSubscriptionDto(row, p);
}

export async function deleteSubscriptionUseCase(actor: Actor, id: string): Promise<{ id: string }> {
  const p = subscriber(actor);
  const old = await manageable(p, id);
  await db().$transaction(async (tx) => {
    await repo.deleteSubscription(id, tx);
    if (old.team) await recordAudit(tx, { actor: p, action: 'subscription.delete', subjectType: 'subscription', subjectId: id, before: auditView(old) });
  });
  return { id };
}

/** The delivery log: sent, failed with the reason, retried (attempts > 1), capped, collected. */
export async function listDeliveriesUseCase(actor: Actor, id: string): Promise<DeliveryDto[]> {
  const p = subscriber(actor);
  const s = await repo.findSubscription(id);
  if (!s || (!s.team && s.ownerId !== p.userId)) throw notFound(`subscription "${id}"`);
  return (await repo.listDeliveries(id)).map((d) => ({
    id: d.id, subjectKey: d.subjectKey, channel: d.channel, status: d.status as DeliveryStatus, attempts: d.attempts, retried: d.attempts > 1,
    error: d.error, title: d.title, createdAt: d.createdAt.toISOString(), sentAt: d.sentAt?.toISOString() ?? null,
  }));
}
