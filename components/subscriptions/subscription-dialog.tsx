'use client';

// The subscription form in a dialog: new (from the Subscriptions page) or edit (from the list, or
// right after a one-click Subscribe). Preview needs a stored subscription (POST
// /api/subscriptions/{id}/preview), so a new one is saved and muted at once on the first preview
// (a draft) and unmuted by Save; closing without saving deletes the draft. PATCH cannot change a
// target, so a draft whose filter changed is replaced.
import { BellRing } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { errorMessage } from '@/lib/api';
import { useCan } from '@/lib/me';
import type { SubscriptionDto, Target } from '@/lib/subscription-dto';
import { previewSubscription, useSubscriptionMutations } from '@/lib/subscription-queries';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { createBody, initialState, stateFrom, targetLabel, updateBody, validate, type FormState } from './form-model';
import { PreviewPanel } from './preview-panel';
import { ChannelFields, PolicyFields } from './subscription-fields';

type Props = { open: boolean; onClose: () => void; justSubscribed?: boolean } & ({ subscription: SubscriptionDto; target?: never } | { target: Target; subscription?: never });

export function SubscriptionDialog(props: Props) {
  const title = props.subscription ? (props.justSubscribed ? 'Subscribed' : 'Edit subscription') : 'New subscription';
  const target = props.subscription?.target ?? props.target!;
  return (
    <Dialog open={props.open} onClose={props.onClose} title={title} description={<span className="font-mono">{targetLabel(target)}</span>} size="lg">
      {props.open && <SubscriptionForm {...props} />}
    </Dialog>
  );
}

function SubscriptionForm({ subscription, target, onClose, justSubscribed }: Props) {
  const { create, update, remove } = useSubscriptionMutations();
  const canTeam = useCan('subscriptions.team');
  const [form, setForm] = useState<FormState>(() => (subscription ? stateFrom(subscription) : initialState(target!)));
  const [touched, setTouched] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // A muted subscription saved for the preview, and the target it was saved with.
  const draft = useRef<{ id: string; target: string } | null>(null);
  const errors = touched ? validate(form) : {};
  const set = (patch: Partial<FormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setDirty(true);
  };
  // However the dialog closes (Escape, the backdrop, Cancel), an unsaved preview draft goes.
  const removeDraft = remove.mutate;
  useEffect(() => () => {
    if (draft.current) removeDraft(draft.current.id);
  }, [removeDraft]);
  const busy = create.isPending || update.isPending || remove.isPending;

  async function save() {
    setTouched(true);
    if (Object.keys(validate(form)).length) return;
    setError(null);
    try {
      if (subscription) await update.mutateAsync({ id: subscription.id, patch: updateBody(form) });
      else if (!draft.current) await create.mutateAsync(createBody(form));
      else {
        const id = await saveDraft();
        await update.mutateAsync({ id, patch: { muted: false } });
      }
      draft.current = null;
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  /** The draft with the form's settings, created (muted) or brought up to date; its id. */
  async function saveDraft(): Promise<string> {
    const body = createBody(form);
    const key = JSON.stringify(body.target);
    if (draft.current && draft.current.target !== key) {
      await remove.mutateAsync(draft.current.id);
      draft.current = null;
    }
    if (draft.current) {
      await update.mutateAsync({ id: draft.current.id, patch: updateBody(form) });
      return draft.current.id;
    }
    // Created muted in one request: a draft made for the preview never sends anything.
    const created = await create.mutateAsync({ ...body, muted: true });
    draft.current = { id: created.id, target: key };
    return created.id;
  }

  async function preview(eventId: string) {
    if (subscription) return previewSubscription(subscription.id, eventId);
    setTouched(true);
    if (Object.keys(validate(form)).length) throw new Error('Fix the form first: the preview renders these settings.');
    return previewSubscription(await saveDraft(), eventId);
  }

  async function unsubscribe() {
    if (!subscription) return;
    await remove.mutateAsync(subscription.id);
    onClose();
  }

  return (
    <form className="flex flex-col gap-4" onSubmit={(e) => { e.preventDefault(); void save(); }} data-testid="subscription-form">
      {justSubscribed && (
        <p className="flex items-center gap-2 rounded-md border tone-green px-3 py-2 text-xs" data-testid="subscribed-notice">
          <BellRing aria-hidden className="size-4" /> You are subscribed: every time, to your e-mail. Refine it below, or unsubscribe.
        </p>
      )}
      <div className="grid gap-6 md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <PolicyFields form={form} errors={errors} set={set} editing={Boolean(subscription)} />
        <div className="flex min-w-0 flex-col gap-5">
          <ChannelFields form={form} errors={errors} set={set} canTeam={canTeam} />
          <PreviewPanel target={form.target} onPreview={preview} />
          {subscription && dirty && <p className="text-xs text-muted">The preview renders the saved settings: save to preview your changes.</p>}
        </div>
      </div>
      {error && <p role="alert" className="text-sm text-danger" data-testid="subscription-error">{error}</p>}
      <div className="flex flex-wrap items-center justify-end gap-2 border-t border-border pt-3">
        {subscription && (
          <Button variant="danger" className="mr-auto" onClick={unsubscribe} disabled={busy} data-testid="unsubscribe">
            Unsubscribe
          </Button>
        )}
        <Button onClick={onClose} disabled={busy}>{justSubscribed && !dirty ? 'Done' : 'Cancel'}</Button>
        <Button type="submit" variant="primary" disabled={busy} data-testid="subscription-save">
          {busy ? 'Saving…' : subscription ? 'Save' : 'Subscribe'}
        </Button>
      </div>
    </form>
  );
}
