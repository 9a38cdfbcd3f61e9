// The notify.send job: one delivery row to one channel. The row exists before the job (inserted by
// the matcher, unique per subscription, subject and channel); only a pending row is sent, the
// conditional claim lets exactly one job send it, and it is marked sent right after. A retried or
// stalled job therefore finds it sent (or claimed) and sends nothing.
import { describeTarget, type Target } from '@/engine/subscriptions/schema';
import { moreMessage, type NotificationMessage } from '@/engine/subscriptions/message';
import { renderChat } from '@/engine/subscriptions/render-chat';
import { renderEmail } from '@/engine/subscriptions/render-email';
import type { Prisma } from '../db/generated/client';
import { env } from '../env';
import { sendOk } from '../actions/http-client';
import { messageIdFor, sendMail } from '../actions/handlers/notify-email';
import { isPermanent, PermanentError } from '../actions/types';
import * as repo from '../repositories/subscriptions';
import { chatUrl, storedChannels, type StoredChannel } from './channels';
import { publicBaseUrl } from './subjects';

export type SendOutcome = 'sent' | 'skipped' | 'failed';

async function summaryOf(d: NonNullable<Awaited<ReturnType<typeof repo.findDelivery>>>): Promise<NotificationMessage> {
  const windowMs = env().RAILYARD_NOTIFY_WINDOW_MS;
  const start = new Date(d.subjectKey.slice('more:'.length));
  const n = await repo.countCapped(d.subscriptionId, d.channel, start, new Date(start.getTime() + windowMs));
  return moreMessage(n, describeTarget(d.subscription.target as Target), Math.round(windowMs / 60_000), publicBaseUrl());
}

async function post(channel: StoredChannel, message: NotificationMessage, ownerEmail: string, deliveryId: string): Promise<void> {
  if (channel.kind === 'email') {
    const { SMTP_URL, RAILYARD_MAIL_FROM } = env();
    if (!SMTP_URL) throw new PermanentError('no SMTP server: set SMTP_URL (e.g. smtp://user:pass@mail.example.com:587)');
    const mail = renderEmail(message);
    const receipt = await sendMail(SMTP_URL, { from: RAILYARD_MAIL_FROM, to: channel.to ?? ownerEmail, ...mail, messageId: messageIdFor(`notify.${deliveryId}`) });
    if (receipt.rejected.length) throw new PermanentError(`SMTP refused ${receipt.rejected.join(', ')}`);
    return;
  }
  const url = chatUrl(channel);
  // The URL is a credential: errors name only its host.
  await sendOk({ url, method: 'POST', body: renderChat(channel.format, message), timeoutMs: 15_000, label: `chat webhook at ${new URL(url).host}` });
}

/**
 * Sends delivery `id` if it is still pending. `lastAttempt` turns a transient failure into a final
 * `failed`; otherwise the error is recorded and rethrown so BullMQ retries with backoff.
 */
export async function sendDelivery(id: string, lastAttempt: boolean): Promise<SendOutcome> {
  const d = await repo.findDelivery(id);
  if (!d || d.status !== 'pending') return 'skipped';
  if (!(await repo.claimDelivery(d.id, d.attempts))) return 'skipped';
  const channel = storedChannels(d.subscription.channels).find((c) => c.id === d.channel);
  if (!channel || d.subscription.muted) {
    await repo.markDelivery(d.id, { status: 'failed', error: channel ? 'subscription muted before sending' : 'channel removed from the subscription' });
    return 'failed';
  }
  const message = d.subjectKey.startsWith('more:') ? await summaryOf(d) : (d.body as unknown as NotificationMessage);
  try {
    await post(channel, message, d.subscription.owner.email, d.id);
  } catch (err) {
    const error = (err as Error).message.slice(0, 1000);
    const final = lastAttempt || isPermanent(err);
    await repo.markDelivery(d.id, { status: final ? 'failed' : 'pending', error });
    if (final) return 'failed';
    throw err;
  }
  const extra = d.subjectKey.startsWith('more:') ? { title: message.headline, body: message as unknown as Prisma.InputJsonValue } : {};
  await repo.markDelivery(d.id, { status: 'sent', ...extra });
  return 'sent';
}
