'use client';

import { useTrain, usePipeline } from '@/lib/train-queries';
import { Changelog } from '@/components/trains/changelog';
import { RailwayLine } from '@/components/trains/railway-line';
import { StationCards } from '@/components/trains/station-cards';
import { TrainHeader } from '@/components/trains/train-header';
import { TrainManifest } from '@/components/trains/train-manifest';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/skeleton';

export function TrainClient({ id }: { id: string }) {
  const q = useTrain(id);
  const pipeline = usePipeline(q.data?.pipeline ?? '', { enabled: Boolean(q.data) });
  if (q.isPending) return <SkeletonRows label="Loading train" rows={10} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load this train" />;
  const train = q.data;
  return (
    <div data-testid="train-page" data-status={train.status} data-station={train.station ?? ''}>
      <TrainHeader train={train} pipelineName={pipeline.data?.name ?? train.pipeline} />
      <Card className="mb-4">
        <CardHeader title="Where the train is" description="Stations in order; the train moves as each one is reached." />
        <CardBody>
          <RailwayLine
            stations={train.stations}
            train={train}
            stationHref={(key) => `#station-${key}`}
            detail={(s) =>
              s.reachedAt ? (
                <RelativeTime iso={s.reachedAt} className="mt-0.5 text-[11px] text-muted" />
              ) : null
            }
          />
        </CardBody>
      </Card>
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1.5fr)_minmax(0,1fr)]">
        <Card className="min-w-0">
          <CardHeader title="Stations" description="Each station's runs and their steps; open a run for its logs." />
          <StationCards stations={train.stations} train={train} />
        </Card>
        <div className="min-w-0 space-y-4">
          <Card>
            <CardHeader title="Features aboard" description={`${train.features.length} in the frozen manifest`} />
            <TrainManifest train={train} />
          </Card>
          <Card>
            <CardHeader title="Changelog" description="Commits since the last release tag." />
            <CardBody>
              <Changelog text={train.changelog} />
            </CardBody>
          </Card>
        </div>
      </div>
    </div>
  );
}
