// The subscriptions API as the browser parses it: zod mirrors of the DTO types CORE defines in
// engine/subscriptions/dto.ts (types only there), checked against them at compile time so the
// two cannot drift apart silently.
import { z } from 'zod';
import type { DeliveryDto, PreviewDto, SubscriptionDto } from '@/engine/subscriptions/dto';
import { CHAT_FORMATS, POLICIES, targetSchema, type Target } from '@/engine/subscriptions/schema';

export { CHAT_FORMATS, POLICIES, targetKey } from '@/engine/subscriptions/schema';
export type { ChatFormat, Policy, Target } from '@/engine/subscriptions/schema';
export type { ChannelDto, DeliveryDto, PreviewDto, SubscriptionDto } from '@/engine/subscriptions/dto';

const channelDtoSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), kind: z.literal('email'), to: z.string() }),
  z.object({ id: z.string(), kind: z.literal('chat'), format: z.enum(CHAT_FORMATS), urlHint: z.string() }),
]);

export const subscriptionDtoSchema = z.object({
  id: z.string(),
  owner: z.object({ id: z.string(), name: z.string() }),
  team: z.boolean(),
  // A stored target was checked when it was saved; read it back without re-parsing expressions.
  target: z.custom<Target>((v) => targetSchema.safeParse(v).success || (typeof v === 'object' && v !== null && 'kind' in v)),
  label: z.string(),
  policy: z.enum(POLICIES),
  groupBy: z.string().nullable(),
  channels: z.array(channelDtoSchema),
  muted: z.boolean(),
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<SubscriptionDto>;

export const deliveryDtoSchema = z.object({
  id: z.string(),
  subjectKey: z.string(),
  channel: z.string(),
  status: z.enum(['pending', 'sent', 'failed', 'capped', 'digest']),
  attempts: z.number().int(),
  retried: z.boolean(),
  error: z.string().nullable(),
  title: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
}) satisfies z.ZodType<DeliveryDto>;

const factSchema = z.object({ label: z.string(), value: z.string() });
export const previewDtoSchema = z.object({
  message: z.object({ headline: z.string(), outcome: z.any(), facts: z.array(factSchema), link: z.string().nullable(), linkLabel: z.string() }),
  decision: z.enum(['send', 'digest', 'skip']),
  rendered: z.array(
    z.object({ channel: z.string(), kind: z.enum(['email', 'chat']), format: z.enum(CHAT_FORMATS).optional(), subject: z.string().optional(), text: z.string(), html: z.string().optional(), body: z.unknown().optional() }),
  ),
}) as z.ZodType<PreviewDto>;
