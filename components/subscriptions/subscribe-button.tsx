'use client';

// One-click Subscribe for an event type, a workflow or a pipeline: the click subscribes with the
// quiet-enough default (every time, to my e-mail) and opens the form to refine it. Already
// subscribed, the button says so and opens that subscription.
import { Bell, BellOff, BellRing } from 'lucide-react';
import { useState } from 'react';
import { errorMessage } from '@/lib/api';
import { useMe } from '@/lib/me';
import { targetKey, type SubscriptionDto, type Target } from '@/lib/subscription-dto';
import { findOwn, useSubscriptionMutations, useSubscriptions } from '@/lib/subscription-queries';
import { Button, type ButtonSize, type ButtonVariant } from '@/components/ui/button';
import { targetLabel } from './form-model';
import { SubscriptionDialog } from './subscription-dialog';

interface Props {
  target: Target;
  size?: ButtonSize;
  variant?: ButtonVariant;
  /** Shorter label for dense rows. */
  compact?: boolean;
}

export function SubscribeButton({ target, size = 'sm', variant = 'secondary', compact }: Props) {
  const me = useMe();
  const list = useSubscriptions();
  const { create } = useSubscriptionMutations();
  const [open, setOpen] = useState<{ sub: SubscriptionDto; fresh: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const own = findOwn(list.data, targetKey(target), me.data?.id);
  // Tokens have no mailbox; the API would refuse them anyway.
  if (me.data?.kind === 'token') return null;

  async function click() {
    setError(null);
    if (own) return setOpen({ sub: own, fresh: false });
    try {
      const sub = await create.mutateAsync({ target, policy: 'always', channels: [{ kind: 'email' }] });
      setOpen({ sub, fresh: true });
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  const Icon = own ? (own.muted ? BellOff : BellRing) : Bell;
  const label = own ? (own.muted ? 'Muted' : 'Subscribed') : 'Subscribe';
  return (
    <>
      <Button
        size={size}
        variant={own ? 'secondary' : variant}
        onClick={click}
        disabled={create.isPending || list.isPending}
        aria-label={compact ? `${label}: ${targetLabel(target)}` : undefined}
        title={error ?? (own ? 'Change or remove this subscription' : `Get a message when ${targetLabel(target)} happens`)}
        data-testid="subscribe-button"
        data-subscribed={own ? 'true' : 'false'}
      >
        <Icon aria-hidden className={own && !own.muted ? 'text-accent' : undefined} /> {label}
      </Button>
      {error && <span role="alert" className="text-xs text-danger">{error}</span>}
      {open && <SubscriptionDialog open onClose={() => setOpen(null)} subscription={latest(list.data, open.sub)} justSubscribed={open.fresh} />}
    </>
  );
}

/** The list's copy once it has refetched, so the dialog shows what the server stored. */
const latest = (list: SubscriptionDto[] | undefined, sub: SubscriptionDto) => list?.find((s) => s.id === sub.id) ?? sub;
