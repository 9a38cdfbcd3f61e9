// One pipeline on the /trains board: its line with the train on it (or empty), in one glance.
import Link from 'next/link';
import type { PipelineSummary } from '@/engine/dto/trains';
import { Card } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { trainWhere } from './line-model';
import { TrackLines } from './track-lines';

export function TrackCard({ pipeline }: { pipeline: PipelineSummary }) {
  const { track } = pipeline;
  const href = `/pipelines/${encodeURIComponent(pipeline.key)}`;
  return (
    <Card data-testid={`track-card-${pipeline.key}`} data-busy={track ? 'true' : 'false'}>
      <header className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border px-4 py-3">
        <h2 className="text-sm font-semibold">
          <Link href={href} className="hover:text-accent hover:underline">
            {pipeline.name}
          </Link>
        </h2>
        {track ? (
          <span className="flex flex-wrap items-center gap-2 text-xs text-muted">
            <StatusBadge status={track.status} />
            <Link href={`/trains/${track.id}`} className="hover:text-accent hover:underline">
              {trainWhere(track, pipeline.stations)}
            </Link>
            <span>
              · departed <RelativeTime iso={track.startedAt} />
            </span>
          </span>
        ) : (
          <span className="text-xs text-muted" data-testid={`track-empty-${pipeline.key}`}>
            Track empty · {pipeline.readyFeatures === 1 ? '1 feature ready' : `${pipeline.readyFeatures} features ready`} to board
          </span>
        )}
        <span className="ml-auto flex gap-3 text-xs">
          <Link href={`${href}/history`} className="text-muted hover:text-accent hover:underline">
            History
          </Link>
          <Link href={`${href}/metrics`} className="text-muted hover:text-accent hover:underline">
            Metrics
          </Link>
        </span>
      </header>
      <div className="px-4 pt-2 pb-4">
        <TrackLines pipeline={pipeline} compact />
      </div>
    </Card>
  );
}
