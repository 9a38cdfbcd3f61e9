// The e2e mailbox: reads what the worker sent to the local SMTP capture (smtp-capture.mjs) and
// decodes just enough MIME to read a message's subject and text part. Plain data, no server
// imports, so playwright.config.ts and specs can both use it.
export const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? 3125);
export const SMTP_HTTP_PORT = Number(process.env.E2E_SMTP_HTTP_PORT ?? 3126);
export const MAILBOX_URL = `http://127.0.0.1:${SMTP_HTTP_PORT}/messages`;

export type CapturedMail = { from: string; to: string[]; raw: string };

export async function readMailbox(): Promise<CapturedMail[]> {
  const res = await fetch(MAILBOX_URL);
  if (!res.ok) throw new Error(`mailbox: ${res.status}`);
  return res.json() as Promise<CapturedMail[]>;
}

const unfold = (head: string) => head.replace(/\r?\n[ \t]+/g, ' ');

function headerOf(head: string, name: string): string | undefined {
  const line = unfold(head).split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}

/** =?UTF-8?Q?…?= and =?UTF-8?B?…?= words, as nodemailer writes non-ASCII subjects. */
const decodeWords = (s: string) =>
  s.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : decodeQp(text.replace(/_/g, ' ')),
  );

function decodeQp(s: string): string {
  const bytes = s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => `%${h}`);
  try {
    return decodeURIComponent(bytes.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    return bytes;
  }
}

function decodeBody(headers: string, body: string): string {
  const cte = (headerOf(headers, 'Content-Transfer-Encoding') ?? '').toLowerCase();
  if (cte === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (cte === 'quoted-printable') return decodeQp(body);
  return body;
}

/** Subject and the text/plain part (the whole body for a single-part message). */
export function parseMail(mail: CapturedMail): { subject: string; text: string; html: string | null } {
  const split = mail.raw.search(/\r?\n\r?\n/);
  const head = mail.raw.slice(0, split);
  const body = mail.raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const subject = decodeWords(headerOf(head, 'Subject') ?? '');
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(unfold(head))?.[1];
  if (!boundary) return { subject, text: decodeBody(head, body), html: null };
  const parts = body.split(`--${boundary}`).slice(1, -1).map((p) => {
    const at = p.search(/\r?\n\r?\n/);
    return { head: p.slice(0, at), body: p.slice(at).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '') };
  });
  const pick = (type: string) => parts.find((p) => (headerOf(p.head, 'Content-Type') ?? '').toLowerCase().startsWith(type));
  const text = pick('text/plain');
  const html = pick('text/html');
  return { subject, text: text ? decodeBody(text.head, text.body) : '', html: html ? decodeBody(html.head, html.body) : null };
}
