'use client';

// One subscription on the Subscriptions page: what it listens to (linking to that page), how
// often, where it goes (a chat webhook only as its hint), mute/unmute, edit, delete, and its
// delivery log on demand.
import { Bell, BellOff, ChevronRight, Mail, MessageSquare, Pencil, Trash2, Users } from 'lucide-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import { errorMessage, withQuery } from '@/lib/api';
import { cn } from '@/lib/cn';
import { targetKey, type ChannelDto, type SubscriptionDto, type Target } from '@/lib/subscription-dto';
import { useSubscriptionMutations } from '@/lib/subscription-queries';
import { Button } from '@/components/ui/button';
import { Tag } from '@/components/ui/tag';
import { DeliveryLog } from './delivery-log';
import { POLICY_LABELS, targetLabel } from './form-model';

const enc = encodeURIComponent;
const KIND_LABELS: Record<Target['kind'], string> = { 'event-type': 'Event type', workflow: 'Workflow runs', pipeline: 'Pipeline trains' };
function targetHref(t: Target): string {
  if (t.kind === 'event-type') return withQuery('/events', { source: t.source, type: t.type });
  return t.kind === 'workflow' ? `/workflows/${enc(t.name)}` : `/pipelines/${enc(t.key)}`;
}

function ChannelTag({ c }: { c: ChannelDto }) {
  if (c.kind === 'email') return <Tag><Mail aria-hidden className="size-3" /> {c.to}</Tag>;
  return <Tag title="The webhook URL is stored encrypted; this is only a hint"><MessageSquare aria-hidden className="size-3" /> {c.format} <span className="font-mono">{c.urlHint}</span></Tag>;
}

export function SubscriptionRow({ sub, onEdit }: { sub: SubscriptionDto; onEdit: () => void }) {
  const { update, remove } = useSubscriptionMutations();
  const [showLog, setShowLog] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const logId = useId();
  const act = (p: Promise<unknown>) => p.catch((err) => setError(errorMessage(err)));
  const label = targetLabel(sub.target);

  return (
    <li className={cn('px-4 py-3', sub.muted && 'bg-surface-2/50')} data-testid={`subscription-${targetKey(sub.target)}`} data-muted={sub.muted ? 'true' : 'false'}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <Tag>{KIND_LABELS[sub.target.kind]}</Tag>
            <Link href={targetHref(sub.target)} className="font-mono text-sm font-medium hover:text-accent hover:underline">
              {sub.target.kind === 'event-type' ? label : sub.target.kind === 'workflow' ? sub.target.name : sub.target.key}
            </Link>
            {sub.team && <Tag tone="accent"><Users aria-hidden className="size-3" /> team{` · by ${sub.owner.name}`}</Tag>}
            {sub.muted && <Tag tone="warning" className="gap-1"><BellOff aria-hidden className="size-3" /> muted</Tag>}
          </div>
          <p className="mt-1 text-xs text-muted" data-testid="subscription-policy">
            {POLICY_LABELS[sub.policy].label}
            {sub.policy === 'changes' && sub.groupBy && <> per <code className="font-mono">{sub.groupBy}</code></>}
            {sub.target.kind === 'event-type' && sub.target.filter && <> · when <code className="font-mono">{sub.target.filter}</code></>}
          </p>
          <div className="mt-1.5 flex flex-wrap gap-1">{sub.channels.map((c, i) => <ChannelTag key={i} c={c} />)}</div>
        </div>
        {/* A team subscription is changed by editors; others see it without the controls. */}
        {sub.canManage && <div className="flex shrink-0 items-center gap-1">
          <Button size="sm" variant="ghost" onClick={() => act(update.mutateAsync({ id: sub.id, patch: { muted: !sub.muted } }))} disabled={update.isPending} data-testid="subscription-mute">
            {sub.muted ? <Bell aria-hidden /> : <BellOff aria-hidden />} {sub.muted ? 'Unmute' : 'Mute'}
          </Button>
          <Button size="sm" variant="ghost" onClick={onEdit} aria-label={`Edit the subscription to ${label}`} data-testid="subscription-edit">
            <Pencil aria-hidden /> Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="hover:text-danger"
            onClick={() => window.confirm(`Stop the subscription to ${label}?`) && act(remove.mutateAsync(sub.id))}
            disabled={remove.isPending}
            aria-label={`Delete the subscription to ${label}`}
            data-testid="subscription-delete"
          >
            <Trash2 aria-hidden />
          </Button>
        </div>}
      </div>
      {error && <p role="alert" className="mt-2 text-xs text-danger">{error}</p>}
      <button type="button" aria-expanded={showLog} aria-controls={logId} onClick={() => setShowLog((v) => !v)} className="mt-2 inline-flex h-6 items-center gap-1 rounded px-1.5 text-xs text-muted hover:bg-surface-2 hover:text-fg" data-testid="subscription-log-toggle">
        <ChevronRight aria-hidden className={cn('size-3.5 transition-transform', showLog && 'rotate-90')} /> Delivery log
      </button>
      {showLog && <div id={logId} className="mt-1 rounded-md border border-border px-3"><DeliveryLog subscriptionId={sub.id} channels={sub.channels} /></div>}
    </li>
  );
}
