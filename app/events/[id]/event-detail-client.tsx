'use client';

import { ArrowLeft, Play } from 'lucide-react';
import Link from 'next/link';
import { useEvent } from '@/lib/queries';
import { absoluteTime } from '@/lib/format';
import { EventHeaders } from '@/components/events/event-headers';
import { EventPayload } from '@/components/events/event-payload';
import { ParentRunLink } from '@/components/events/parent-run-link';
import { ReplayForm } from '@/components/events/replay-form';
import { useCan } from '@/lib/me';
import { RunRefs } from '@/components/events/run-refs';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { MetaList } from '@/components/ui/meta-list';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tag } from '@/components/ui/tag';
import { CopyButton } from '@/components/ui/copy-button';

export function EventDetailClient({ id }: { id: string }) {
  const q = useEvent(id);
  const canReplay = useCan('events.replay');
  const back = (
    <Link href="/events" className="inline-flex items-center gap-1 hover:text-fg">
      <ArrowLeft aria-hidden className="size-3" /> Events
    </Link>
  );
  if (q.isPending) return <SkeletonRows label="Loading event" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load this event" />;
  const e = q.data;

  return (
    <>
      <PageHeader
        eyebrow={back}
        title={
          <span className="flex flex-wrap items-center gap-2 font-mono">
            {e.source} <span className="text-subtle">/</span> {e.type}
            {!e.registered && (
              <Tag tone="warning" className="font-sans">
                unregistered
              </Tag>
            )}
          </span>
        }
        description={
          <span className="flex flex-col gap-1">
            <span className="inline-flex items-center gap-1 font-mono text-xs">
              {e.id} <CopyButton text={e.id} label="Copy event id" />
            </span>
            {!e.registered && <span>This event type is not in the registry yet; no workflow listens to it.</span>}
          </span>
        }
      />
      <Card className="mb-4">
        <CardBody>
          <MetaList
            items={[
              { label: 'Delivery id', value: <span className="font-mono text-xs">{e.deliveryId ?? '—'}</span> },
              { label: 'Received', value: <span title={absoluteTime(e.receivedAt)}><RelativeTime iso={e.receivedAt} /></span> },
              { label: 'Processed', value: e.processedAt ? <RelativeTime iso={e.processedAt} /> : <span className="text-muted">not yet</span> },
              {
                label: 'Emitted by run',
                value: e.parentRunId ? (
                  <ParentRunLink runId={e.parentRunId} />
                ) : (
                  <span className="text-muted">external</span>
                ),
              },
              { label: 'Runs', value: String(e.runs.length) },
            ]}
          />
        </CardBody>
      </Card>
      <Card className="mb-4">
        <CardHeader title="Runs started" description="Workflows this event triggered. Updates live." />
        {e.runs.length === 0 ? (
          <EmptyState icon={Play} title="No runs">
            {e.registered
              ? 'No enabled workflow matched this event (or it is still being processed).'
              : 'Register this event type and bind a workflow to it to make it start runs.'}{' '}
            <Link href="/registry" className="text-accent underline">
              Open the registry
            </Link>
          </EmptyState>
        ) : (
          <div className="p-4" data-testid="event-runs">
            <RunRefs runs={e.runs} />
          </div>
        )}
      </Card>
      {canReplay && (
        <Card className="mb-4">
          <CardHeader
            title="Replay"
            description="Run workflows again with this event, as if it had just arrived. Needs the editor role."
          />
          <CardBody>
            <ReplayForm event={e} />
          </CardBody>
        </Card>
      )}
      <div className="grid grid-cols-1 gap-4 xl:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <EventPayload event={e} />
        <EventHeaders headers={e.headers} />
      </div>
    </>
  );
}
