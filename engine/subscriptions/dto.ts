// What the subscriptions API returns. A chat channel never carries its URL (a credential: Slack's
// path is the token), only a hint: host and last 4 characters.
import type { ChatFormat, Policy, Target } from './schema';
import type { NotificationMessage } from './message';

export type ChannelDto =
  | { id: string; kind: 'email'; to: string }
  | { id: string; kind: 'chat'; format: ChatFormat; urlHint: string };

export type SubscriptionDto = {
  id: string;
  owner: { id: string; name: string };
  team: boolean;
  target: Target;
  /** "jenkins / build-finished", "workflow deploy-web"… */
  label: string;
  policy: Policy;
  groupBy: string | null;
  channels: ChannelDto[];
  muted: boolean;
  /** The caller may change or delete it (its owner, or an editor for a team subscription). */
  canManage: boolean;
  createdAt: string;
  updatedAt: string;
};

export const DELIVERY_STATUSES = ['pending', 'sent', 'failed', 'capped', 'digest'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export type DeliveryDto = {
  id: string;
  subjectKey: string;
  /** The channel's id within the subscription (ChannelDto.id). */
  channel: string;
  status: DeliveryStatus;
  attempts: number;
  /** More than one attempt was made. */
  retried: boolean;
  error: string | null;
  title: string;
  createdAt: string;
  sentAt: string | null;
};

/** POST /api/subscriptions/{id}/preview: the message, and how each channel would carry it. */
export type PreviewDto = {
  message: NotificationMessage;
  /** Whether the policy would send it now (given the last outcome), collect it for a digest, or not. */
  decision: 'send' | 'digest' | 'skip';
  rendered: { channel: string; kind: 'email' | 'chat'; format?: ChatFormat; subject?: string; text: string; html?: string; body?: unknown }[];
};
