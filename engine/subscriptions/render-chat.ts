// One message in each chat platform's incoming-webhook format: Slack (blocks with mrkdwn and a
// plain-text fallback), Mattermost (markdown `text`) and Microsoft Teams (an Adaptive Card in a
// message envelope, what a Teams Workflows "webhook request received" flow posts to a channel; the
// Office 365 connectors that took the legacy MessageCard were retired on 31 March 2026).
import type { NotificationMessage } from './message';
import type { ChatFormat } from './schema';

const ICON: Record<NotificationMessage['outcome'], string> = { success: '✅', failure: '❌', cancelled: '⏹️', neutral: 'ℹ️' };
/** Adaptive Cards name colours by role, and the host picks the shade for its theme. */
const CARD_COLOR: Record<NotificationMessage['outcome'], string> = { success: 'Good', failure: 'Attention', cancelled: 'Default', neutral: 'Accent' };

/** Slack mrkdwn reserves only &, < and > (https://api.slack.com/reference/surfaces/formatting#escaping). */
export const escapeSlack = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Markdown's inline markup characters, so a branch named `*x*` stays literal in Mattermost. */
export const escapeMarkdown = (text: string): string => text.replace(/([\\`*_{}[\]()#+!|<>~])/g, '\\$1');

function slack(m: NotificationMessage) {
  const lines = m.facts.map((f) => `*${escapeSlack(f.label)}:* ${escapeSlack(f.value)}`).join('\n');
  const blocks: unknown[] = [
    { type: 'section', text: { type: 'mrkdwn', text: `${ICON[m.outcome]} *${escapeSlack(m.headline)}*` } },
    { type: 'section', text: { type: 'mrkdwn', text: lines || ' ' } },
  ];
  if (m.link) blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `<${m.link}|${escapeSlack(m.linkLabel)}>` }] });
  return { text: `${ICON[m.outcome]} ${m.headline}${m.link ? ` ${m.link}` : ''}`, blocks };
}

function mattermost(m: NotificationMessage) {
  const lines = [`${ICON[m.outcome]} **${escapeMarkdown(m.headline)}**`, ...m.facts.map((f) => `**${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`)];
  if (m.link) lines.push(`[${escapeMarkdown(m.linkLabel)}](${m.link})`);
  return { text: lines.join('\n') };
}

function teams(m: NotificationMessage) {
  // TextBlock and FactSet text is rendered as a subset of markdown, hence the escaping.
  const body: unknown[] = [
    { type: 'TextBlock', text: `${ICON[m.outcome]} ${escapeMarkdown(m.headline)}`, weight: 'Bolder', size: 'Medium', color: CARD_COLOR[m.outcome], wrap: true },
  ];
  if (m.facts.length) body.push({ type: 'FactSet', facts: m.facts.map((f) => ({ title: escapeMarkdown(f.label), value: escapeMarkdown(f.value) })) });
  return {
    type: 'message',
    attachments: [{
      contentType: 'application/vnd.microsoft.card.adaptive',
      contentUrl: null,
      content: {
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        type: 'AdaptiveCard',
        version: '1.4',
        body,
        ...(m.link && { actions: [{ type: 'Action.OpenUrl', title: m.linkLabel, url: m.link }] }),
      },
    }],
  };
}

/** The JSON body to POST to the webhook. */
export function renderChat(format: ChatFormat, m: NotificationMessage): Record<string, unknown> {
  switch (format) {
    case 'slack':
      return slack(m);
    case 'mattermost':
      return mattermost(m);
    case 'teams':
      return teams(m);
  }
}
