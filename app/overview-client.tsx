'use client';

import { Activity, ArrowRight, Play } from 'lucide-react';
import Link from 'next/link';
import { useEvents, useRegistry, useRuns } from '@/lib/queries';
import { EventsTable } from '@/components/events/events-table';
import { NAV } from '@/components/layout/nav-links';
import { OverviewStats } from '@/components/overview/overview-stats';
import { RunsTable } from '@/components/runs/runs-table';
import { CurlSnippet, pickExample } from '@/components/send/curl-snippet';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

const RECENT = 8;

function ViewAll({ href }: { href: string }) {
  return (
    <Link href={href} className="inline-flex items-center gap-1 text-xs text-muted hover:text-fg">
      View all <ArrowRight aria-hidden className="size-3" />
    </Link>
  );
}

export function OverviewClient() {
  // Same query keys as the Events and Runs pages, so the live stream updates these too.
  const events = useEvents({});
  const runs = useRuns({});
  const registry = useRegistry();
  const eventList = events.data?.pages.flat() ?? [];
  const runList = runs.data ?? [];
  const example = pickExample(registry.data);
  const isNew = events.isSuccess && eventList.length === 0;

  return (
    <>
      <PageHeader title="Overview" description="What arrived, what ran, and how it went. Everything here updates live." />
      <OverviewStats events={eventList} runs={runList} />

      {isNew && (
        <Card className="mt-4" data-testid="first-webhook">
          <CardHeader title="Send your first webhook" description="Railyard is waiting for events. Try one from a terminal:" />
          <div className="p-4">
            <CurlSnippet {...example} />
          </div>
        </Card>
      )}

      <div className="mt-4 grid grid-cols-1 gap-4 xl:grid-cols-2">
        <Card>
          <CardHeader title="Recent events" actions={<ViewAll href="/events" />} />
          {events.isPending ? (
            <SkeletonRows rows={4} label="Loading events" />
          ) : events.isError ? (
            <div className="p-4"><ErrorState error={events.error} onRetry={() => events.refetch()} /></div>
          ) : eventList.length === 0 ? (
            <EmptyState icon={Activity} title="No events yet">Events from your tools will stream in here.</EmptyState>
          ) : (
            <EventsTable events={eventList.slice(0, RECENT)} compact />
          )}
        </Card>
        <Card>
          <CardHeader title="Recent runs" actions={<ViewAll href="/runs" />} />
          {runs.isPending ? (
            <SkeletonRows rows={4} label="Loading runs" />
          ) : runs.isError ? (
            <div className="p-4"><ErrorState error={runs.error} onRetry={() => runs.refetch()} /></div>
          ) : runList.length === 0 ? (
            <EmptyState icon={Play} title="No runs yet">
              Runs start when an event arrives that a workflow listens to. See the{' '}
              <Link className="text-accent underline" href="/registry">registry</Link>.
            </EmptyState>
          ) : (
            <RunsTable runs={runList.slice(0, RECENT)} compact />
          )}
        </Card>
      </div>

      <nav aria-label="Sections" className="mt-4 grid grid-cols-2 gap-3 md:grid-cols-4">
        {NAV.filter((n) => n.href !== '/').map(({ href, label, icon: Icon }) => (
          <Link key={href} href={href} className="flex items-center gap-2 rounded-lg border border-border bg-surface px-3 py-2.5 text-sm hover:border-border-strong">
            <Icon aria-hidden className="size-4 text-accent" />
            {label}
            <ArrowRight aria-hidden className="ml-auto size-3.5 text-subtle" />
          </Link>
        ))}
      </nav>
    </>
  );
}
