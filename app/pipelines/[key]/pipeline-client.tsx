'use client';

import { useFeatures, usePipeline, useTrains } from '@/lib/train-queries';
import { HotfixStart } from '@/components/trains/hotfix-start';
import { PipelineFeatures } from '@/components/trains/pipeline-features';
import { PreflightPanel } from '@/components/trains/preflight-panel';
import { TrackLines } from '@/components/trains/track-lines';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { SkeletonRows } from '@/components/ui/skeleton';
import { PipelineHeader } from './pipeline-header';
import { SubscribeButton } from '@/components/subscriptions/subscribe-button';

export function PipelineClient({ pipelineKey }: { pipelineKey: string }) {
  const q = usePipeline(pipelineKey);
  const features = useFeatures(pipelineKey);
  const trains = useTrains(pipelineKey);
  const released = trains.data?.some((t) => t.status === 'arrived') ?? false;
  if (q.isPending) return <SkeletonRows label="Loading pipeline" rows={10} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load this pipeline" />;
  const p = q.data;
  return (
    <div data-testid="pipeline-page">
      <PipelineHeader pipeline={p} actions={<><SubscribeButton target={{ kind: 'pipeline', key: p.key }} /><HotfixStart pipeline={p} features={features.data ?? []} released={released} /></>} />
      <Card className="mb-4">
        <CardHeader
          title="The track"
          description={p.track ? 'One regular train at a time; select it to follow it live.' : 'The track is empty: the next train can depart.'}
        />
        <CardBody>
          <TrackLines pipeline={p} />
        </CardBody>
      </Card>
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <PreflightPanel pipeline={p} />
        <Card className="min-w-0">
          <CardHeader title="Features" description={`${p.readyFeatures} ready to board the next train`} />
          {features.isPending ? (
            <SkeletonRows label="Loading features" rows={4} />
          ) : features.isError ? (
            <div className="p-4">
              <ErrorState error={features.error} onRetry={() => features.refetch()} title="Could not load features" />
            </div>
          ) : (
            <PipelineFeatures pipeline={p.key} features={features.data} />
          )}
        </Card>
      </div>
    </div>
  );
}
