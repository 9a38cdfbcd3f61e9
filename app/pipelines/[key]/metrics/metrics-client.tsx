'use client';

import { useState } from 'react';
import { usePipeline, usePipelineMetrics } from '@/lib/train-queries';
import { MetricFigures } from '@/components/trains/metric-figures';
import { DeploymentsChart, LeadTimeChart, StationMedianChart } from '@/components/trains/metrics-charts';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { Segmented } from '@/components/ui/segmented';
import { SkeletonRows } from '@/components/ui/skeleton';
import { PipelineHeader } from '../pipeline-header';

const WINDOWS = ['30', '90', '180'] as const;

export function MetricsClient({ pipelineKey }: { pipelineKey: string }) {
  const [days, setDays] = useState<(typeof WINDOWS)[number]>('90');
  // One "now" per page visit, so the time axis does not creep while the page is open.
  const [now] = useState(() => Date.now());
  const pipeline = usePipeline(pipelineKey);
  const metrics = usePipelineMetrics(pipelineKey, Number(days));
  if (pipeline.isPending) return <SkeletonRows label="Loading pipeline" rows={8} />;
  if (pipeline.isError) return <ErrorState error={pipeline.error} onRetry={() => pipeline.refetch()} title="Could not load this pipeline" />;
  const period = <Segmented label="Period" value={days} onChange={setDays} options={WINDOWS.map((d) => ({ value: d, label: `${d} days` }))} />;
  return (
    <div data-testid="metrics-page">
      <PipelineHeader pipeline={pipeline.data} actions={period} />
      {metrics.isPending ? (
        <SkeletonRows label="Loading metrics" rows={8} />
      ) : metrics.isError ? (
        <ErrorState error={metrics.error} onRetry={() => metrics.refetch()} title="Could not load the metrics" />
      ) : (
        <div className="space-y-4">
          <MetricFigures metrics={metrics.data} />
          <Card>
            <CardHeader title="Lead time per release" description={`${metrics.data.definitions.leadTimeFromReadyMs ?? ''} Red: a failed change. Dashed lines: departures.`} />
            <CardBody data-testid="chart-lead-time">
              {metrics.data.series.length ? <LeadTimeChart metrics={metrics.data} now={now} /> : <NoData />}
            </CardBody>
          </Card>
          <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader title="Releases per week" description={metrics.data.definitions.deploymentFrequencyPerWeek} />
              <CardBody data-testid="chart-deployments">
                <DeploymentsChart metrics={metrics.data} now={now} />
              </CardBody>
            </Card>
            <Card>
              <CardHeader title="Median time per station" description={metrics.data.definitions.stationMedianMs} />
              <CardBody data-testid="chart-stations">
                <StationMedianChart metrics={metrics.data} stations={pipeline.data.stations} />
              </CardBody>
            </Card>
          </div>
        </div>
      )}
    </div>
  );
}

function NoData() {
  return <p className="py-10 text-center text-sm text-muted">No train reached production in this period yet.</p>;
}
