// One message in each chat platform's incoming-webhook format: Slack (blocks with mrkdwn and a
// plain-text fallback), Mattermost (markdown `text`) and Microsoft Teams (a legacy MessageCard,
// which every Teams incoming webhook still accepts and needs no Adaptive Card schema).
import type { NotificationMessage } from './message';
import type { ChatFormat } from './schema';

const ICON: Record<NotificationMessage['outcome'], string> = { success: '✅', failure: '❌', cancelled: '⏹️', neutral: 'ℹ️' };
const COLOR: Record<NotificationMessage['outcome'], string> = { success: '2EB67D', failure: 'E01E5A', cancelled: '9E9E9E', neutral: '1D9BD1' };

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
  // MessageCard text fields are rendered as markdown too.
  return {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    summary: m.headline,
    themeColor: COLOR[m.outcome],
    title: `${ICON[m.outcome]} ${escapeMarkdown(m.headline)}`,
    sections: [{ facts: m.facts.map((f) => ({ name: escapeMarkdown(f.label), value: escapeMarkdown(f.value) })) }],
    ...(m.link && { potentialAction: [{ '@type': 'OpenUri', name: m.linkLabel, targets: [{ os: 'default', uri: m.link }] }] }),
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
