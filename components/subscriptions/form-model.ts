// The subscription form's state and its mappings: from a stored subscription (edit), to the API's
// create and update bodies, and the API's own zod schema (engine/subscriptions/schema.ts) for
// validation, so the form refuses exactly what the server would, under the field concerned.
import { createSubscriptionSchema, type ChannelInput, type CreateSubscriptionInput, type UpdateSubscriptionInput } from '@/engine/subscriptions/schema';
import type { ChatFormat, Policy, SubscriptionDto, Target } from '@/lib/subscription-dto';

export interface FormState {
  target: Target;
  policy: Policy;
  groupBy: string;
  filter: string;
  emailMe: boolean;
  emailOther: string;
  chatOn: boolean;
  chatUrl: string;
  chatFormat: ChatFormat;
  /** The stored webhook when editing (its id and hint): an empty URL field keeps it. */
  chatKept: { id: string; hint: string } | null;
  team: boolean;
}

/** The owner's own address: `email:owner` (server/subscriptions/channels.ts). */
const OWNER_EMAIL = 'email:owner';

export function initialState(target: Target): FormState {
  return { target, policy: 'always', groupBy: '', filter: target.kind === 'event-type' ? (target.filter ?? '') : '', emailMe: true, emailOther: '', chatOn: false, chatUrl: '', chatFormat: 'slack', chatKept: null, team: false };
}

export function stateFrom(s: SubscriptionDto): FormState {
  const chat = s.channels.find((c) => c.kind === 'chat');
  return {
    ...initialState(s.target),
    policy: s.policy,
    groupBy: s.groupBy ?? '',
    emailMe: s.channels.some((c) => c.id === OWNER_EMAIL),
    emailOther: s.channels.flatMap((c) => (c.kind === 'email' && c.id !== OWNER_EMAIL ? [c.to] : [])).join(', '),
    chatOn: Boolean(chat),
    chatFormat: chat?.kind === 'chat' ? chat.format : 'slack',
    chatKept: chat?.kind === 'chat' ? { id: chat.id, hint: chat.urlHint } : null,
    team: s.team,
  };
}

const splitAddresses = (s: string) => s.split(/[\s,;]+/).map((a) => a.trim()).filter(Boolean);

function channels(f: FormState): ChannelInput[] {
  const out: ChannelInput[] = [];
  if (f.emailMe && !f.team) out.push({ kind: 'email' });
  for (const to of splitAddresses(f.emailOther)) out.push({ kind: 'email', to });
  if (f.chatOn && f.chatUrl.trim()) out.push({ kind: 'chat', url: f.chatUrl.trim(), format: f.chatFormat });
  // No new URL: keep the stored webhook (the browser never has its URL to send back).
  else if (f.chatOn && f.chatKept) out.push({ kind: 'chat', id: f.chatKept.id, format: f.chatFormat });
  return out;
}

function target(f: FormState): Target {
  if (f.target.kind !== 'event-type') return f.target;
  const { source, type } = f.target;
  return f.filter.trim() ? { kind: 'event-type', source, type, filter: f.filter.trim() } : { kind: 'event-type', source, type };
}

const groupBy = (f: FormState) => (f.policy === 'changes' && f.groupBy.trim() ? f.groupBy.trim() : undefined);

export function createBody(f: FormState): CreateSubscriptionInput {
  return { target: target(f), policy: f.policy, channels: channels(f), ...(groupBy(f) && { groupBy: groupBy(f) }), team: f.team };
}

/** PATCH cannot change the target: a new filter means a new subscription (see the dialog). */
export function updateBody(f: FormState): UpdateSubscriptionInput {
  return { policy: f.policy, channels: channels(f), groupBy: groupBy(f) ?? null, team: f.team };
}

export type FormErrors = Partial<Record<'channels' | 'emailOther' | 'chatUrl' | 'groupBy' | 'filter' | 'form', string>>;

/** The server's schema, with each issue put under the field a person can fix. */
export function validate(f: FormState): FormErrors {
  const errors: FormErrors = {};
  if (f.chatOn && !f.chatUrl.trim() && !f.chatKept) errors.chatUrl = 'Paste the incoming-webhook URL of the channel.';
  const body = createBody(f);
  const result = createSubscriptionSchema.safeParse(body);
  for (const issue of result.success ? [] : result.error.issues) {
    const [head, index, leaf] = issue.path;
    const field: keyof FormErrors =
      head === 'target' ? 'filter'
      : head === 'groupBy' ? 'groupBy'
      : head === 'channels' && typeof index === 'number' ? (body.channels[index]?.kind === 'chat' ? 'chatUrl' : leaf === 'to' ? 'emailOther' : 'channels')
      : head === 'channels' ? 'channels'
      : 'form';
    errors[field] ??= field === 'channels' && body.channels.length === 0 ? (f.team ? 'A team subscription needs a channel or an address.' : 'Pick at least one place to send it.') : issue.message;
  }
  return errors;
}

export const POLICY_LABELS: Record<Policy, { label: string; hint: string }> = {
  always: { label: 'Every time', hint: 'One message for each matching event or finished run.' },
  failures: { label: 'Failures only', hint: 'Only when a run fails or a train derails.' },
  changes: { label: 'Status changes only', hint: 'A failure after a success, and the first success after failures.' },
  'digest-hourly': { label: 'Hourly digest', hint: 'One summary an hour, if anything happened.' },
  'digest-daily': { label: 'Daily digest', hint: 'One summary a day, if anything happened.' },
};

export function targetLabel(t: Target): string {
  if (t.kind === 'event-type') return `${t.source} / ${t.type}`;
  return t.kind === 'workflow' ? `workflow ${t.name}` : `pipeline ${t.key}`;
}
