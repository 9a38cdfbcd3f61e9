// The registered notify.email handler reads SMTP_URL through env(), the only reader of process.env.
// env() parses once and caches, so this file sets the variables before its first env() call; it is
// a file of its own because vitest gives each test file a fresh module registry (its own env cache),
// which keeps this setting from leaking into other tests. DATABASE_URL and the encryption key are
// placeholders only because env() validates the whole environment; nothing here connects to them.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { notifyEmail } from '@/engine/actions/notify-email';
import { callAction } from '@/tests/support/fakes/action-input';
import { startSmtp, type LocalSmtp } from '@/tests/support/fakes/smtp';
import { notifyEmailHandler } from './notify-email';

let smtp: LocalSmtp;
const names = ['SMTP_URL', 'RAILYARD_MAIL_FROM', 'DATABASE_URL', 'RAILYARD_ENCRYPTION_KEY'] as const;
const saved = Object.fromEntries(names.map((n) => [n, process.env[n]]));
beforeAll(async () => {
  smtp = await startSmtp();
  process.env.SMTP_URL = smtp.url;
  process.env.RAILYARD_MAIL_FROM = 'Release Bot <release@example.com>';
  process.env.DATABASE_URL ??= 'postgres://unused@127.0.0.1:1/unused';
  process.env.RAILYARD_ENCRYPTION_KEY ??= Buffer.alloc(32).toString('base64');
});
afterAll(async () => {
  for (const n of names) {
    if (saved[n] === undefined) delete process.env[n];
    else process.env[n] = saved[n];
  }
  await smtp.close();
});

it('sends through SMTP_URL from the sender in RAILYARD_MAIL_FROM', async () => {
  const { outputs } = await callAction(notifyEmail, notifyEmailHandler, { to: 'ada@example.com', subject: 'hello', text: 'from env' });
  expect(outputs).toMatchObject({ messageId: '<run1.step.1@railyard>', accepted: ['ada@example.com'] });
  expect(smtp.mails).toHaveLength(1);
  expect(smtp.mails[0].from).toBe('release@example.com');
  expect(smtp.header(smtp.mails[0], 'From')).toBe('Release Bot <release@example.com>');
});
