// The subscriptions API input (issue 12): what to listen to (target), when to tell (policy) and
// where (channels). Pure zod, shared by the API (server/use-cases/manage-subscriptions.ts) and the
// UI's forms, so a bad filter or webhook URL is refused with the field's name in both places.
import { z } from 'zod';
import { conditionExpression } from '../params/condition';
import { checkExpression } from '../params/template';

export const POLICIES = ['always', 'failures', 'changes', 'digest-hourly', 'digest-daily'] as const;
export type Policy = (typeof POLICIES)[number];
export const CHAT_FORMATS = ['slack', 'mattermost', 'teams'] as const;
export type ChatFormat = (typeof CHAT_FORMATS)[number];

/** A JSONata expression (bare or in `{{ }}`) that must at least parse. */
const expression = (field: string) =>
  z
    .string()
    .trim()
    .min(1, `${field} is empty`)
    .max(2000)
    .superRefine((text, ctx) => {
      const problem = checkExpression(conditionExpression(text));
      if (problem) ctx.addIssue({ code: 'custom', message: `${field} does not parse: ${problem}` });
    });

const name = (field: string) => z.string().trim().min(1, `${field} is empty`).max(200);

export const targetSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('event-type'), source: name('source'), type: name('type'), filter: expression('filter').optional() }),
    z.strictObject({ kind: z.literal('workflow'), name: name('workflow name') }),
    z.strictObject({ kind: z.literal('pipeline'), key: name('pipeline key') }),
  ],
  { error: 'target.kind must be "event-type", "workflow" or "pipeline"' },
);
export type Target = z.infer<typeof targetSchema>;

/** An incoming-webhook URL: http(s) only, no credentials in the authority part. */
export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .superRefine((text, ctx) => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return void ctx.addIssue({ code: 'custom', message: 'url is not a valid webhook URL' });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: `url must be http(s), not ${url.protocol}` });
    if (url.username || url.password) ctx.addIssue({ code: 'custom', message: 'url must not carry a user name or password' });
  });

export const channelSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('email'), to: z.email('to is not an e-mail address').optional() }),
    // On update, `{kind: "chat", id, format}` without url keeps a stored channel's (secret) URL.
    z
      .strictObject({ kind: z.literal('chat'), url: webhookUrlSchema.optional(), id: z.string().max(100).optional(), format: z.enum(CHAT_FORMATS, { error: 'format must be slack, mattermost or teams' }) })
      .refine((c) => c.url !== undefined || c.id !== undefined, { message: 'url is required', path: ['url'] }),
  ],
  { error: 'channel kind must be "email" or "chat"' },
);
export type ChannelInput = z.infer<typeof channelSchema>;

const policySchema = z.enum(POLICIES, { error: `policy must be one of ${POLICIES.join(', ')}` });
const channelsSchema = z.array(channelSchema).min(1, 'channels needs at least one channel').max(5, 'channels holds at most 5 channels');

export const createSubscriptionSchema = z.strictObject({
  target: targetSchema,
  policy: policySchema,
  channels: channelsSchema,
  /** For `changes`: keys the last outcome per value (e.g. `event.payload.ref` for the branch). */
  groupBy: expression('groupBy').optional(),
  /** A team subscription posts to a shared channel; editors only. */
  team: z.boolean().default(false),
  /** Created muted (the form saves a muted draft to preview it: it must never send meanwhile). */
  muted: z.boolean().optional(),
});
export type CreateSubscriptionInput = z.infer<typeof createSubscriptionSchema>;

export const updateSubscriptionSchema = z.strictObject({
  policy: policySchema.optional(),
  channels: channelsSchema.optional(),
  groupBy: expression('groupBy').nullable().optional(),
  muted: z.boolean().optional(),
  team: z.boolean().optional(),
});
export type UpdateSubscriptionInput = z.infer<typeof updateSubscriptionSchema>;

export const previewSchema = z.strictObject({ eventId: z.string().trim().min(1, 'eventId is required').max(100) });

/** How matching finds a subscription (indexed column Subscription.targetKey). */
export function targetKey(t: Target): string {
  switch (t.kind) {
    case 'event-type':
      return `event-type:${t.source}/${t.type}`;
    case 'workflow':
      return `workflow:${t.name}`;
    case 'pipeline':
      return `pipeline:${t.key}`;
  }
}

/** Words for lists and messages: "jenkins / build-finished", "workflow deploy-web", "pipeline shop-web". */
export function describeTarget(t: Target): string {
  switch (t.kind) {
    case 'event-type':
      return `${t.source} / ${t.type}${t.filter ? ` where ${t.filter}` : ''}`;
    case 'workflow':
      return `workflow ${t.name}`;
    case 'pipeline':
      return `pipeline ${t.key}`;
  }
}

export const isDigest = (p: Policy): p is 'digest-hourly' | 'digest-daily' => p === 'digest-hourly' || p === 'digest-daily';
