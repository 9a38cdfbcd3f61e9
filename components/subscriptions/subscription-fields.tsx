'use client';

// The subscription form's fields: how often (policy, with a grouping for status changes), where
// to (e-mail, chat webhook), and for event types an optional filter. Native radios and
// checkboxes, so the whole form works from the keyboard.
import { CHAT_FORMATS, POLICIES, type ChatFormat } from '@/lib/subscription-dto';
import { cn } from '@/lib/cn';
import { Field, Input, Select } from '@/components/ui/field';
import { POLICY_LABELS, type FormErrors, type FormState } from './form-model';

interface FieldsProps {
  form: FormState;
  errors: FormErrors;
  set: (patch: Partial<FormState>) => void;
  canTeam: boolean;
  /** The target (and its filter) is what a subscription is; editing keeps it. */
  editing: boolean;
}

const FORMAT_LABELS: Record<ChatFormat, string> = { slack: 'Slack', mattermost: 'Mattermost', teams: 'Microsoft Teams' };
const box = 'size-4 shrink-0 accent-[var(--accent)]';

/** How often, and for event types which ones: the left column of the form. */
export function PolicyFields({ form, errors, set, editing }: Omit<FieldsProps, 'canTeam'>) {
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <fieldset className="flex flex-col gap-1">
        <legend className="mb-1.5 text-xs font-semibold tracking-wide text-muted uppercase">How often</legend>
        {POLICIES.map((p) => (
          <label key={p} className={cn('flex cursor-pointer items-start gap-2 rounded-md border px-2.5 py-1.5', form.policy === p ? 'border-accent bg-accent-soft' : 'border-border hover:bg-surface-2')}>
            <input type="radio" name="policy" value={p} checked={form.policy === p} onChange={() => set({ policy: p })} className={cn(box, 'mt-0.5')} data-testid={`policy-${p}`} />
            <span className="min-w-0">
              <span className="block text-sm font-medium">{POLICY_LABELS[p].label}</span>
              <span className="block text-xs text-muted">{POLICY_LABELS[p].hint}</span>
            </span>
          </label>
        ))}
        {form.policy === 'changes' && (
          <Field label="Group by (optional)" error={errors.groupBy} hint="A JSONata expression; each value has its own status, e.g. event.payload.ref for per-branch." className="mt-2">
            {(ids) => <Input {...ids} value={form.groupBy} onChange={(e) => set({ groupBy: e.target.value })} placeholder="event.payload.ref" className="font-mono text-xs" data-testid="group-by" />}
          </Field>
        )}
      </fieldset>

      {/* The filter is part of the target, which an edit keeps (PATCH cannot change it). */}
      {form.target.kind === 'event-type' && !editing && (
        <Field label="Only when (optional)" error={errors.filter} hint="A JSONata filter on the event, e.g. payload.pipeline.key = 'shop-web'.">
          {(ids) => <Input {...ids} value={form.filter} onChange={(e) => set({ filter: e.target.value })} placeholder="payload.pipeline.key = 'shop-web'" className="font-mono text-xs" data-testid="target-filter" />}
        </Field>
      )}
      {editing && form.filter && (
        <p className="text-xs text-muted">
          Only when <code className="font-mono text-fg">{form.filter}</code>. To follow with another filter, subscribe anew.
        </p>
      )}
    </div>
  );
}

/** Where it goes: the right column, above the preview. */
export function ChannelFields({ form, errors, set, canTeam }: Omit<FieldsProps, 'editing'>) {
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.channels ? 'channels-error' : undefined}>
        <legend className="mb-1 text-xs font-semibold tracking-wide text-muted uppercase">Where to</legend>
        {canTeam && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={form.team} onChange={(e) => set({ team: e.target.checked })} className={box} data-testid="team" />
            Team subscription <span className="text-xs text-muted">(posts to a channel, not to me)</span>
          </label>
        )}
        {!form.team && (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={form.emailMe} onChange={(e) => set({ emailMe: e.target.checked })} className={box} data-testid="channel-email-me" />
            My e-mail
          </label>
        )}
        {/* Railyard's SMTP is no relay: only a team subscription mails someone else. */}
        {form.team && (
          <Field label="E-mail addresses" hint="Comma-separated; leave empty for none." error={errors.emailOther}>
            {(ids) => <Input {...ids} type="text" inputMode="email" value={form.emailOther} onChange={(e) => set({ emailOther: e.target.value })} placeholder="release-team@example.com" data-testid="channel-email-other" />}
          </Field>
        )}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={form.chatOn} onChange={(e) => set({ chatOn: e.target.checked })} className={box} data-testid="channel-chat" />
          A chat channel (incoming webhook)
        </label>
        {form.chatOn && (
          <div className="grid grid-cols-[minmax(0,1fr)_9rem] gap-2 pl-6">
            <Field label="Webhook URL" error={errors.chatUrl} hint={form.chatKept ? `Stored: ${form.chatKept.hint}. Leave empty to keep it.` : 'Kept encrypted; shown afterwards only as a hint.'}>
              {(ids) => <Input {...ids} type="url" value={form.chatUrl} onChange={(e) => set({ chatUrl: e.target.value })} placeholder="https://hooks.slack.com/services/…" autoComplete="off" data-testid="chat-url" />}
            </Field>
            <Field label="Format">
              {(ids) => (
                <Select {...ids} value={form.chatFormat} onChange={(e) => set({ chatFormat: e.target.value as ChatFormat })} data-testid="chat-format">
                  {CHAT_FORMATS.map((f) => <option key={f} value={f}>{FORMAT_LABELS[f]}</option>)}
                </Select>
              )}
            </Field>
          </div>
        )}
        {errors.channels && <p id="channels-error" className="text-xs text-danger">{errors.channels}</p>}
      </fieldset>
    </div>
  );
}
