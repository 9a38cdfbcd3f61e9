import type { z } from 'zod';
import nodemailer from 'nodemailer';
import type { notifyEmail } from '@/engine/actions/notify-email';
import { env } from '@/server/env';
import { PermanentError, type ActionHandler } from '../types';

export type MailMessage = {
  from: string;
  to: string | string[];
  cc?: string | string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
};

export type MailReceipt = { messageId: string; accepted: string[]; rejected: string[] };

/** Errors retrying will not fix: a 5xx reply (nodemailer marks it `permanent`), bad credentials, bad addresses or config. */
const PERMANENT_CODES = new Set(['EAUTH', 'EENVELOPE', 'EMESSAGE', 'ECONFIG']);

/** Sends one message over SMTP; exported so tests can aim it at a local server directly. */
export async function sendMail(transportUrl: string, message: MailMessage, signal?: AbortSignal): Promise<MailReceipt> {
  // nodemailer's defaults wait minutes for a silent server; a step should fail sooner and retry.
  const transport = nodemailer.createTransport({ url: transportUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  const onAbort = () => transport.close();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const info = await transport.sendMail(message);
    return { messageId: info.messageId, accepted: info.accepted.map(String), rejected: info.rejected.map(String) };
  } catch (err) {
    const e = err as { code?: string; permanent?: boolean; message: string };
    if (e.permanent === true || PERMANENT_CODES.has(e.code ?? '')) throw new PermanentError(`SMTP: ${e.message}`);
    throw new Error(`SMTP: ${e.message}`);
  } finally {
    signal?.removeEventListener('abort', onAbort);
    transport.close();
  }
}

/** `<key@railyard>`, keeping only characters a Message-ID's left part may hold. */
export const messageIdFor = (idempotencyKey: string): string => `<${idempotencyKey.replace(/[^A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]/g, '-')}@railyard>`;

export type MailSettings = { smtpUrl?: string; from: string };

/** The handler over explicit settings; the registered one below reads them from env(). */
export function createEmailHandler(settings: () => MailSettings): ActionHandler<z.output<typeof notifyEmail.params>> {
  return async ({ params, idempotencyKey, signal, log }) => {
    const { smtpUrl, from } = settings();
    if (!smtpUrl) throw new PermanentError('notify.email needs an SMTP server: set SMTP_URL (e.g. smtp://user:pass@mail.example.com:587)');
    const to = [params.to, params.cc ?? []].flat();
    log('info', `mailing "${params.subject}" to ${to.join(', ')}`);
    const receipt = await sendMail(
      smtpUrl,
      { from: params.from ?? from, to: params.to, cc: params.cc, subject: params.subject, text: params.text, html: params.html, messageId: messageIdFor(idempotencyKey) },
      signal,
    );
    if (receipt.rejected.length) log('warn', `refused: ${receipt.rejected.join(', ')}`);
    return { outputs: receipt };
  };
}

export const notifyEmailHandler = createEmailHandler(() => ({ smtpUrl: env().SMTP_URL, from: env().RAILYARD_MAIL_FROM }));
