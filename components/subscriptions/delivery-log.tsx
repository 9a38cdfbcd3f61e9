'use client';

// What one subscription sent: each message with its outcome. A failure shows the reason the
// channel gave; "retried" is a send that needed more than one attempt; "capped" were rolled into
// an "N more" summary during a burst; "digest" waits for the next summary.
import { CircleCheck, CircleX, Clock, Layers, LoaderCircle, type LucideIcon } from 'lucide-react';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/skeleton';
import { ErrorState } from '@/components/ui/error-state';
import { Tag } from '@/components/ui/tag';
import { cn } from '@/lib/cn';
import type { ChannelDto, DeliveryDto } from '@/lib/subscription-dto';
import { useDeliveries } from '@/lib/subscription-queries';

const LOOK: Record<DeliveryDto['status'], { label: string; icon: LucideIcon; tone: string }> = {
  pending: { label: 'Sending', icon: LoaderCircle, tone: 'tone-blue' },
  sent: { label: 'Sent', icon: CircleCheck, tone: 'tone-green' },
  failed: { label: 'Failed', icon: CircleX, tone: 'tone-red' },
  capped: { label: 'Capped', icon: Layers, tone: 'tone-amber' },
  digest: { label: 'In digest', icon: Clock, tone: 'tone-slate' },
};

/** A delivery names its channel by id; say which address or chat it was (a removed one by its kind). */
function channelName(id: string, channels: ChannelDto[]): string {
  const c = channels.find((x) => x.id === id);
  if (!c) return id.startsWith('chat:') ? 'a removed chat channel' : id.replace(/^email:(owner)?/, '') || 'e-mail';
  return c.kind === 'email' ? c.to : `${c.format} ${c.urlHint}`;
}

export function DeliveryLog({ subscriptionId, channels }: { subscriptionId: string; channels: ChannelDto[] }) {
  const q = useDeliveries(subscriptionId);
  if (q.isPending) return <SkeletonRows label="Loading deliveries" rows={2} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load the delivery log" />;
  if (q.data.length === 0) return <p className="px-1 py-2 text-xs text-muted" data-testid="delivery-empty">Nothing sent yet: messages appear here once something matches.</p>;
  return (
    <ol className="flex flex-col divide-y divide-border" data-testid="delivery-log">
      {q.data.map((d) => {
        const look = LOOK[d.status];
        return (
          <li key={d.id} className="grid grid-cols-[6.5rem_minmax(0,1fr)_auto] items-start gap-3 py-2 text-xs" data-testid="delivery" data-status={d.status}>
            <span className={cn('inline-flex h-5 w-fit items-center gap-1 rounded-full border px-2 font-medium', look.tone)}>
              <look.icon aria-hidden className={cn('size-3.5', d.status === 'pending' && 'animate-spin')} />
              {look.label}
            </span>
            <span className="min-w-0">
              <span className="block truncate text-fg" title={d.title}>{d.title}</span>
              <span className="mt-0.5 flex flex-wrap items-center gap-1.5 text-muted">
                {channelName(d.channel, channels)}
                {d.retried && <Tag tone="warning">retried · {d.attempts} attempts</Tag>}
              </span>
              {d.error && <span className="mt-1 block break-words text-danger" data-testid="delivery-error">{d.error}</span>}
            </span>
            <RelativeTime iso={d.sentAt ?? d.createdAt} className="whitespace-nowrap text-muted" />
          </li>
        );
      })}
    </ol>
  );
}
