'use client';

import { TrainFront } from 'lucide-react';
import { usePipelines } from '@/lib/train-queries';
import { TrackCard } from '@/components/trains/track-card';
import { Card } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorState } from '@/components/ui/error-state';
import { InlineCode } from '@/components/ui/inline-code';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

export function TrainsClient() {
  const q = usePipelines();
  return (
    <>
      <PageHeader title="Trains" description="Every pipeline's track at a glance: empty, or the release on it and the station it is at. Updates live." />
      {q.isPending ? (
        <Card>
          <SkeletonRows label="Loading pipelines" />
        </Card>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load pipelines" />
      ) : q.data.length === 0 ? (
        <Card>
          <EmptyState icon={TrainFront} title="No pipelines yet">
            <InlineCode text="A pipeline is a product's release line. Editors define one as text (`kind: Pipeline`) and send it to `POST /api/pipelines`." />
          </EmptyState>
        </Card>
      ) : (
        <div className="space-y-4" data-testid="track-board">
          {q.data.map((p) => (
            <TrackCard key={p.key} pipeline={p} />
          ))}
        </div>
      )}
    </>
  );
}
