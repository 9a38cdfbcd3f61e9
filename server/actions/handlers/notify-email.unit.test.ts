// notify.email against a real SMTP server on 127.0.0.1: what arrives, with which Message-ID.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyEmail } from '@/engine/actions/notify-email';
import { callAction } from '@/tests/support/fakes/action-input';
import { startLocalServer } from '@/tests/support/fakes/local-http';
import { startSmtp, type LocalSmtp } from '@/tests/support/fakes/smtp';
import { isPermanent } from '../types';
import { createEmailHandler, sendMail } from './notify-email';

let smtp: LocalSmtp;
beforeAll(async () => {
  smtp = await startSmtp({ refuse: ['gone@example.com', 'left@example.com'] });
});
afterAll(() => smtp.close());

const handler = () => createEmailHandler(() => ({ smtpUrl: smtp.url, from: 'Railyard <railyard@example.com>' }));

describe('sendMail', () => {
  it('delivers envelope, subject, body and the given Message-ID', async () => {
    const receipt = await sendMail(smtp.url, {
      from: 'ci@example.com', to: ['ada@example.com', 'bob@example.com'], subject: 'Release 1.4.0', text: 'It shipped.', messageId: '<k1@railyard>',
    });
    expect(receipt).toEqual({ messageId: '<k1@railyard>', accepted: ['ada@example.com', 'bob@example.com'], rejected: [] });
    const mail = smtp.mails.at(-1)!;
    expect(mail).toMatchObject({ from: 'ci@example.com', to: ['ada@example.com', 'bob@example.com'] });
    expect(smtp.header(mail, 'Message-ID')).toBe('<k1@railyard>');
    expect(mail.raw).toContain('It shipped.');
  });

  it('fails transiently when no server answers', async () => {
    const gone = await startLocalServer(() => undefined);
    await gone.close();
    const err = await sendMail(gone.url.replace('http', 'smtp'), { from: 'a@example.com', to: 'b@example.com', subject: 's', text: 't', messageId: '<x@railyard>' }).catch((e: Error) => e);
    expect((err as Error).message).toMatch(/^SMTP: .*ECONNREFUSED|^SMTP: .*connect/i);
    expect(isPermanent(err)).toBe(false);
  });
});

describe('notify.email', () => {
  it('derives the Message-ID from the idempotency key and sends text, html and cc', async () => {
    const { outputs, logs } = await callAction(notifyEmail, handler(), {
      to: 'ada@example.com', cc: ['ops@example.com'], subject: 'Train 42 departed', text: 'Three features aboard.', html: '<p>Three <b>features</b> aboard.</p>',
    }, { idempotencyKey: 'run7.mail.1' });
    expect(outputs).toEqual({ messageId: '<run7.mail.1@railyard>', accepted: ['ada@example.com', 'ops@example.com'], rejected: [] });
    const mail = smtp.mails.at(-1)!;
    expect(mail.to).toEqual(['ada@example.com', 'ops@example.com']);
    expect(mail.from).toBe('railyard@example.com'); // the configured default sender
    expect(smtp.header(mail, 'Subject')).toBe('Train 42 departed');
    expect(smtp.header(mail, 'Cc')).toBe('ops@example.com');
    expect(smtp.header(mail, 'Message-ID')).toBe('<run7.mail.1@railyard>');
    expect(mail.raw).toContain('Three features aboard.');
    expect(mail.raw).toContain('<b>features</b>');
    expect(logs).toContain('info: mailing "Train 42 departed" to ada@example.com, ops@example.com');
  });

  it('reports a refused recipient and still delivers to the others', async () => {
    const { outputs } = await callAction(notifyEmail, handler(), { to: ['ada@example.com', 'gone@example.com'], subject: 's', text: 't', from: 'me@example.com' });
    expect(outputs).toMatchObject({ accepted: ['ada@example.com'], rejected: ['gone@example.com'] });
    expect(smtp.mails.at(-1)).toMatchObject({ from: 'me@example.com', to: ['ada@example.com'] });
  });

  it('fails permanently when every recipient is refused (a 550 will not change)', async () => {
    const err = await callAction(notifyEmail, handler(), { to: ['gone@example.com', 'left@example.com'], subject: 's', text: 't' }).catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
  });

  it('names SMTP_URL when no server is configured', async () => {
    const unset = createEmailHandler(() => ({ from: 'x@example.com' }));
    const err = await callAction(notifyEmail, unset, { to: 'ada@example.com', subject: 's', text: 't' }).catch((e: Error) => e);
    expect(isPermanent(err)).toBe(true);
    expect((err as Error).message).toMatch(/SMTP_URL/);
  });

  it('validates recipients and requires a subject', () => {
    expect(notifyEmail.params.safeParse({ to: [], subject: 's', text: 't' }).success).toBe(false);
    expect(notifyEmail.params.safeParse({ to: 'a@example.com', subject: '', text: 't' }).success).toBe(false);
  });
});
