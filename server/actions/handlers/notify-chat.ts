import type { z } from 'zod';
import type { notifyChat } from '@/engine/actions/notify-chat';
import { sendOk } from '../http-client';
import type { ActionHandler } from '../types';

/**
 * Slack answers 200 "ok" (and 4xx with a reason such as "invalid_token" or "channel_not_found");
 * Mattermost answers 200 with "ok" or an empty body. Neither offers an idempotency key, so this is
 * at-least-once: the executor re-runs an attempt only when a worker died mid-call.
 */
export const notifyChatHandler: ActionHandler<z.output<typeof notifyChat.params>> = async ({ params, signal, log }) => {
  // The webhook URL is a credential (Slack's path is the token): log only where it goes.
  const where = new URL(params.webhookUrl).host;
  log('info', `posting to chat webhook at ${where}${params.channel ? ` (${params.channel})` : ''}`);
  const answer = await sendOk({
    url: params.webhookUrl,
    method: 'POST',
    // JSON.stringify drops the undefined fields, so unset overrides keep the webhook's defaults.
    body: { text: params.text, channel: params.channel, username: params.username, icon_emoji: params.iconEmoji, blocks: params.blocks },
    timeoutMs: 15_000,
    signal,
    label: `chat webhook at ${where}`,
  });
  return { outputs: { status: answer.status } };
};
