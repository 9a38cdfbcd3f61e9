import { z } from 'zod';
import { defineAction } from './definition';

// One address ("a@example.com" or "Ada <a@example.com>") or a list of them.
const recipients = z.union([z.string().min(3), z.array(z.string().min(3)).min(1)]);

/** Sends an e-mail through the company SMTP server configured in SMTP_URL. */
export const notifyEmail = defineAction({
  id: 'notify.email',
  title: 'E-mail',
  description:
    'Sends an e-mail through the SMTP server in SMTP_URL. The Message-ID is derived from the step attempt, ' +
    'so a repeated delivery (worker died mid-send) carries the same id and receivers can recognise it.',
  kind: 'work',
  params: z.strictObject({
    to: recipients.describe('Recipient address, or a list of them.'),
    cc: recipients.optional().describe('Copy recipients.'),
    subject: z.string().min(1).describe('Subject line.'),
    text: z.string().describe('Plain-text body; always sent, it is what text-only clients show.'),
    html: z.string().optional().describe('HTML body, shown by clients that render HTML.'),
    from: z.string().optional().describe('Sender; RAILYARD_MAIL_FROM when omitted.'),
  }),
  outputs: z.object({
    messageId: z.string().describe('The Message-ID header sent, e.g. <run.step.1@railyard>.'),
    accepted: z.array(z.string()).describe('Recipients the SMTP server accepted.'),
    rejected: z.array(z.string()).describe('Recipients the SMTP server refused.'),
  }),
});
