// A pipeline's track: the regular train's line and, when one runs, the hotfix line beside it.
// Both draw the same stations; only where each train is differs.
import { Wrench } from 'lucide-react';
import type { PipelineSummary } from '@/engine/dto/trains';
import { lineFromSummary } from './line-model';
import { RailwayLine } from './railway-line';

export function TrackLines({ pipeline, compact }: { pipeline: PipelineSummary; compact?: boolean }) {
  const { stations, track, hotfix } = pipeline;
  return (
    <div className="space-y-3">
      <RailwayLine
        compact={compact}
        label={`Stations of ${pipeline.name}`}
        stations={lineFromSummary(stations, track)}
        train={track}
        trainHref={track ? `/trains/${track.id}` : undefined}
        data-testid={`track-${pipeline.key}`}
      />
      {hotfix && (
        <div className="rounded-md border border-dashed tone-amber px-2 pt-1.5 pb-2" data-testid={`hotfix-track-${pipeline.key}`}>
          <p className="flex items-center gap-1.5 px-1 text-xs font-medium">
            <Wrench aria-hidden className="size-3.5" /> Hotfix beside it
          </p>
          <RailwayLine compact label={`Hotfix stations of ${pipeline.name}`} stations={lineFromSummary(stations, hotfix)} train={hotfix} trainHref={`/trains/${hotfix.id}`} data-testid={`hotfix-line-${pipeline.key}`} />
        </div>
      )}
    </div>
  );
}
