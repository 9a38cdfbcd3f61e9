'use client';

import { History } from 'lucide-react';
import { usePipeline, useTrains } from '@/lib/train-queries';
import { HistoryList } from '@/components/trains/history-list';
import { Card, CardHeader } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { PipelineHeader } from '../pipeline-header';

export function HistoryClient({ pipelineKey }: { pipelineKey: string }) {
  const pipeline = usePipeline(pipelineKey);
  const trains = useTrains(pipelineKey);
  if (pipeline.isPending) return <SkeletonRows label="Loading pipeline" rows={8} />;
  if (pipeline.isError) return <ErrorState error={pipeline.error} onRetry={() => pipeline.refetch()} title="Could not load this pipeline" />;
  return (
    <div data-testid="history-page">
      <PipelineHeader pipeline={pipeline.data} />
      <Card>
        <CardHeader title="Release history" description="Every train of this pipeline, newest first. Open one for its changelog." />
        {trains.isPending ? (
          <SkeletonRows label="Loading trains" />
        ) : trains.isError ? (
          <div className="p-4">
            <ErrorState error={trains.error} onRetry={() => trains.refetch()} title="Could not load the trains" />
          </div>
        ) : trains.data.length === 0 ? (
          <EmptyState icon={History} title="No train has departed yet">
            Press Start release on the pipeline&apos;s track page to send the first one.
          </EmptyState>
        ) : (
          <HistoryList trains={trains.data} />
        )}
      </Card>
    </div>
  );
}
