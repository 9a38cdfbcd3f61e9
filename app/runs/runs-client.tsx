'use client';

import { Play } from 'lucide-react';
import Link from 'next/link';
import { useRuns } from '@/lib/queries';
import { RunFilters } from '@/components/runs/run-filters';
import { RunsTable } from '@/components/runs/runs-table';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function RunsClient({ status, workflow }: { status: string; workflow: string }) {
  const q = useRuns({ status, workflow });
  const filtered = Boolean(status || workflow);
  return (
    <>
      <PageHeader title="Runs" description="Each run is one workflow executing for one event. Statuses update live." />
      <div className="mb-3">
        <RunFilters status={status} workflow={workflow} />
      </div>
      <Card>
        {q.isPending ? (
          <SkeletonRows label="Loading runs" />
        ) : q.isError ? (
          <div className="p-4">
            <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load runs" />
          </div>
        ) : q.data.length === 0 ? (
          <EmptyState icon={Play} title={filtered ? 'No runs match these filters' : 'No runs yet'}>
            {filtered ? (
              'Try clearing the filters.'
            ) : (
              <>
                A run starts when an event arrives that a workflow listens to. See which events start which workflows in
                the{' '}
                <Link href="/registry" className="text-accent underline">
                  registry
                </Link>
                , then{' '}
                <Link href="/send" className="text-accent underline">
                  send one
                </Link>
                .
              </>
            )}
          </EmptyState>
        ) : (
          <RunsTable runs={q.data} />
        )}
      </Card>
    </>
  );
}
