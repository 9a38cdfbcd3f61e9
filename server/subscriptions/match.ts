// The notify.match job: which subscriptions hear of a subject (an event, a finished run), what
// their policies decide, and which deliveries that makes. Each subscription is decided under its
// row lock, in one transaction with its remembered outcome and its delivery rows, so concurrent
// outcomes are decided one after another and a retried job decides nothing twice.
import { can, isRole } from '@/engine/auth/roles';
import { conditionExpression, evaluateCondition } from '@/engine/params/condition';
import { evaluateExpression } from '@/engine/params/template';
import { redactMessage } from '@/engine/subscriptions/message';
import { decide, groupKeyOf } from '@/engine/subscriptions/policy';
import type { Policy, Target } from '@/engine/subscriptions/schema';
import { capDecision, moreSubject, windowStart } from '@/engine/subscriptions/windows';
import type { Prisma } from '../db/generated/client';
import { db } from '../db/client';
import { env } from '../env';
import { enqueueSafely } from '../queue/enqueue';
import { findEventRow } from '../repositories/events';
import * as repo from '../repositories/subscriptions';
import { loadSecrets } from '../secrets/load-secrets';
import { storedChannels } from './channels';
import { eventSubject, runSubject, trainPipelineKey, type Subject } from './subjects';

/** JSONata on a payload runs on every matching event: keep it short. */
const EXPRESSION_TIMEOUT_MS = 250;

export type MatchJob = { subject: 'event' | 'run'; id: string };

/** A subscription is heard only while its owner may read its target (team ones: an editor). */
function ownerMayHear(s: repo.SubscriptionRow): boolean {
  if (!isRole(s.owner.role) || s.owner.disabled) return false;
  return s.team ? can(s.owner.role, 'subscriptions.team') : can(s.owner.role, 'read');
}

async function passesFilter(s: repo.SubscriptionRow, subject: Subject): Promise<boolean> {
  const target = s.target as Target;
  if (target.kind !== 'event-type' || !target.filter) return true;
  try {
    return await evaluateCondition(target.filter, subject.ctx, { timeoutMs: EXPRESSION_TIMEOUT_MS });
  } catch (err) {
    console.warn(`[notify] filter of subscription ${s.id} failed: ${(err as Error).message}`);
    return false;
  }
}

async function groupOf(s: repo.SubscriptionRow, subject: Subject): Promise<string> {
  if (!s.groupBy) return '';
  try {
    return groupKeyOf(await evaluateExpression(conditionExpression(s.groupBy), subject.ctx, { timeoutMs: EXPRESSION_TIMEOUT_MS }));
  } catch {
    return ''; // a group that cannot be computed falls back to one group per target
  }
}

export type Decided = { send: string[]; later: { id: string; delayMs: number }[] };

/** Decides one subscription for one subject; returns the deliveries to send now and later. */
export async function decideFor(s: repo.SubscriptionRow, subject: Subject, secrets: Record<string, string>, now = new Date()): Promise<Decided> {
  const none: Decided = { send: [], later: [] };
  if (!ownerMayHear(s) || !(await passesFilter(s, subject))) return none;
  const groupKey = await groupOf(s, subject);
  const message = redactMessage(subject.message, secrets);
  const channels = storedChannels(s.channels);
  const { RAILYARD_NOTIFY_MAX_PER_WINDOW: max, RAILYARD_NOTIFY_WINDOW_MS: windowMs } = env();
  return db().$transaction(async (tx) => {
    if (!(await repo.lockSubscription(tx, s.id))) return none; // deleted meanwhile
    if (await repo.deliveriesExist(tx, s.id, subject.subjectKey)) return none; // a retried job
    const state = await repo.outcomeState(tx, s.id, groupKey);
    // Old news for `changes`: the remembered outcome is as recent or newer (a retried job, or a
    // run whose job ran after a later run's), so it must neither send nor overwrite it.
    if (s.policy === 'changes' && state && subject.at.getTime() <= state.at.getTime()) return none;
    const d = decide(s.policy as Policy, subject.outcome, state?.lastOutcome ?? null);
    if (d.remember) await repo.rememberOutcome(tx, s.id, groupKey, d.remember, subject.at);
    if (d.action === 'skip') return none;
    const row = (status: string, subjectKey = subject.subjectKey, title = message.headline) =>
      channels.map((c) => ({ subscriptionId: s.id, subjectKey, channel: c.id, status, title, body: message as unknown as Prisma.InputJsonValue }));
    if (d.action === 'digest') {
      await repo.insertDeliveries(tx, row('digest'));
      return none;
    }
    const start = windowStart(now.getTime(), windowMs);
    if (capDecision(await repo.subjectsSince(tx, s.id, new Date(start)), { max, windowMs }) === 'cap') {
      await repo.insertDeliveries(tx, row('capped'));
      // One summary per window and channel, sent when the window closes (its body is built then).
      if (await repo.deliveriesExist(tx, s.id, moreSubject(start))) return none;
      const more = await repo.insertDeliveries(tx, row('pending', moreSubject(start), 'more notifications (rate cap)'));
      const delayMs = Math.max(0, start + windowMs - now.getTime());
      return { send: [], later: more.filter((m) => m.status === 'pending').map((m) => ({ id: m.id, delayMs })) };
    }
    const created = await repo.insertDeliveries(tx, row('pending'));
    return { send: created.filter((c) => c.status === 'pending').map((c) => c.id), later: [] };
  });
}

async function subjectsOf(job: MatchJob): Promise<{ subject: Subject; keys: string[]; forKey: (key: string) => Subject } | null> {
  if (job.subject === 'run') {
    const subject = await runSubject(job.id);
    return subject && { subject, keys: [`workflow:${subject.workflow}`], forKey: () => subject };
  }
  const event = await findEventRow(job.id);
  if (!event) return null;
  const subject = await eventSubject(event, { asTrain: true });
  if (!subject) return null;
  const keys = [`event-type:${event.sourceKey}/${event.type}`];
  const pipeline = await trainPipelineKey(event);
  if (pipeline) keys.push(`pipeline:${pipeline}`);
  return { subject, keys, forKey: () => subject };
}

export async function matchNotifications(job: MatchJob): Promise<{ deliveries: number }> {
  const found = await subjectsOf(job);
  if (!found) return { deliveries: 0 };
  const subs = await repo.findListening(found.keys);
  if (subs.length === 0) return { deliveries: 0 };
  const secrets = found.subject.secretGrants.length ? await loadSecrets(found.subject.secretGrants) : {};
  let n = 0;
  for (const s of subs) {
    const decided = await decideFor(s, found.forKey(s.targetKey), secrets);
    n += decided.send.length + decided.later.length;
    await enqueueSafely('notify.send', decided.send.map((deliveryId) => ({ deliveryId })));
    for (const l of decided.later) await enqueueSafely('notify.send', [{ deliveryId: l.id }], { delayMs: l.delayMs });
  }
  return { deliveries: n };
}
