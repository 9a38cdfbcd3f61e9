'use client';

import { Activity } from 'lucide-react';
import Link from 'next/link';
import { useRegistry, useEvents } from '@/lib/queries';
import { EventFilters } from '@/components/events/event-filters';
import { EventsTable } from '@/components/events/events-table';
import { SubscribeButton } from '@/components/subscriptions/subscribe-button';
import { CurlSnippet, pickExample } from '@/components/send/curl-snippet';
import { Button, ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function EventsClient({ source, type }: { source: string; type: string }) {
  const q = useEvents({ source, type });
  const registry = useRegistry();
  const events = q.data?.pages.flat() ?? [];
  const filtered = Boolean(source || type);
  // Prefill the example with a registered type, so a newcomer's first curl lands somewhere real.
  const example = pickExample(registry.data);

  return (
    <>
      <PageHeader
        title="Events"
        description="Every event received, newest first. New events appear here live."
        actions={
          <>
            {/* Filtered to one event type: follow it from here. */}
            {source && type && <SubscribeButton target={{ kind: 'event-type', source, type }} />}
            <ButtonLink href="/send" variant="primary" size="sm">
              Send event
            </ButtonLink>
          </>
        }
      />
      <div className="mb-3">
        <EventFilters source={source} type={type} />
      </div>
      <Card>
        {q.isPending ? (
          <SkeletonRows label="Loading events" />
        ) : q.isError ? (
          <div className="p-4">
            <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load events" />
          </div>
        ) : events.length === 0 ? (
          filtered ? (
            <EmptyState icon={Activity} title="No events match these filters">
              Nothing received yet for {source && <code className="font-mono">{source}</code>}
              {source && type && ' / '}
              {type && <code className="font-mono">{type}</code>}. Clear the filters or send one from the{' '}
              <Link className="text-accent underline" href="/send">
                Send event
              </Link>{' '}
              page.
            </EmptyState>
          ) : (
            <EmptyState icon={Activity} title="No events yet">
              <p className="mb-4">
                Events arrive over HTTP from your tools and scripts. Send one with curl and watch it appear here:
              </p>
              <div className="text-left">
                <CurlSnippet {...example} />
              </div>
            </EmptyState>
          )
        ) : (
          <>
            <EventsTable events={events} />
            {q.hasNextPage && (
              <div className="flex justify-center border-t border-border p-2">
                <Button size="sm" variant="ghost" onClick={() => q.fetchNextPage()} disabled={q.isFetchingNextPage}>
                  {q.isFetchingNextPage ? 'Loading…' : 'Load older events'}
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
    </>
  );
}
