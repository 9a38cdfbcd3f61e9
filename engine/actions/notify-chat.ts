import { z } from 'zod';
import { defineAction } from './definition';

/** Posts to a Slack- or Mattermost-compatible incoming webhook. */
export const notifyChat = defineAction({
  id: 'notify.chat',
  title: 'Chat message',
  description:
    'Posts a message to a Slack or Mattermost incoming webhook. Delivery is at least once: webhooks have no ' +
    'idempotency key, so a message is repeated only if a worker dies mid-call and the executor re-runs the attempt.',
  kind: 'work',
  params: z.strictObject({
    // The URL embeds the webhook's secret, so it usually comes from {{ secrets.SLACK_WEBHOOK }}.
    webhookUrl: z.url({ protocol: /^https?$/ }).describe('Incoming webhook URL, typically {{ secrets.NAME }}; never logged.'),
    text: z.string().min(1).describe('Message text (Slack mrkdwn or Mattermost Markdown); the fallback when blocks are given.'),
    channel: z.string().optional().describe('Override the webhook\'s default channel, e.g. #releases (if the webhook allows it).'),
    username: z.string().optional().describe('Override the display name of the sender.'),
    iconEmoji: z.string().optional().describe('Override the sender icon, e.g. :rocket:.'),
    blocks: z.array(z.unknown()).optional().describe('Slack Block Kit blocks for rich layout; Mattermost ignores them.'),
  }),
  outputs: z.object({
    status: z.number().describe('HTTP status the webhook answered (200 when delivered).'),
  }),
});
