// One message as an e-mail: a subject, a plain-text part and an HTML part. Every value is escaped
// in the HTML part: workflow names, branch names and errors come from outside.
import type { NotificationMessage } from './message';

export type RenderedEmail = { subject: string; text: string; html: string };

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const OUTCOME_WORD: Record<NotificationMessage['outcome'], string> = { success: 'OK', failure: 'FAILED', cancelled: 'cancelled', neutral: '' };
// Header injection is nodemailer's to prevent, but a subject line should stay one line anyway.
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 200);

export function renderEmail(m: NotificationMessage): RenderedEmail {
  const word = OUTCOME_WORD[m.outcome];
  const subject = oneLine(`[Railyard]${word ? ` ${word}:` : ''} ${m.headline}`);
  const text = [m.headline, '', ...m.facts.map((f) => `${f.label}: ${f.value}`), ...(m.link ? ['', `${m.linkLabel}: ${m.link}`] : []), '', '-- ', 'Sent by Railyard for one of your subscriptions.'].join('\n');
  const rows = m.facts
    .map((f) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(f.label)}</th><td>${escapeHtml(f.value)}</td></tr>`)
    .join('');
  const html = [
    '<!doctype html><html><body style="font-family:system-ui,sans-serif">',
    `<h2 style="margin:0 0 8px">${escapeHtml(m.headline)}</h2>`,
    `<table>${rows}</table>`,
    m.link ? `<p><a href="${escapeHtml(m.link)}">${escapeHtml(m.linkLabel)}</a></p>` : '',
    '<p style="color:#777;font-size:12px">Sent by Railyard for one of your subscriptions.</p>',
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
