'use client';

// Processes: the living documentation. For every event type, what happens when it arrives, read
// from the live workflows themselves, with the chain of events between them.
import { BookOpen } from 'lucide-react';
import { ActionCatalog } from '@/components/processes/action-catalog';
import { EventSection } from '@/components/processes/event-section';
import { ProcessIndex } from '@/components/processes/process-index';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';
import { useProcesses } from '@/lib/process-queries';
import { useActions } from '@/lib/queries';
import { useScrollToHash } from '@/lib/use-scroll-to-hash';

/** Up to this many workflows, every graph is drawn at once; beyond, each opens on demand. */
const GRAPHS_OPEN_UP_TO = 6;

export function ProcessesClient() {
  const q = useProcesses();
  const actions = useActions();
  useScrollToHash(q.isSuccess);
  const header = (
    <PageHeader
      title="Processes"
      description="What happens when each event arrives, read from the live workflows: every step in plain words, and how workflows hand over to each other through the events they emit and wait for."
    />
  );
  if (q.isPending) return <>{header}<SkeletonRows label="Loading processes" /></>;
  if (q.isError) return <>{header}<ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load the processes" /></>;
  const entries = q.data;
  const quiet = entries.filter((e) => e.listeners.length === 0).length;
  const graphsOpen = entries.reduce((n, e) => n + e.listeners.length, 0) <= GRAPHS_OPEN_UP_TO;
  return (
    <>
      {header}
      {entries.length === 0 ? (
        <EmptyState icon={BookOpen} title="No event types yet">Register sources and event types, or publish a workflow, and its process appears here.</EmptyState>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[14rem_minmax(0,1fr)]">
          <aside className="lg:sticky lg:top-16 lg:max-h-[calc(100dvh-5rem)] lg:self-start lg:overflow-y-auto">
            <p className="mb-3 text-xs text-muted">
              {entries.length} event types, {quiet} with nobody listening.
            </p>
            <ProcessIndex entries={entries} />
          </aside>
          <div className="flex min-w-0 flex-col gap-8">
            {entries.map((e) => <EventSection key={`${e.source}/${e.type}`} entry={e} graphsOpen={graphsOpen} />)}
            {actions.data && <ActionCatalog actions={actions.data} entries={entries} />}
          </div>
        </div>
      )}
    </>
  );
}
