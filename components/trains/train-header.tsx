'use client';

// Who started the train and when, its version, where it is, and Derail for releasers.
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import type { TrainDetail } from '@/engine/dto/trains';
import { useCan } from '@/lib/me';
import { RunDuration } from '@/components/runs/run-duration';
import { Card, CardBody } from '@/components/ui/card';
import { MetaList } from '@/components/ui/meta-list';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { Tag } from '@/components/ui/tag';
import { DerailButton } from './derail-dialog';
import { SubscribeButton } from '@/components/subscriptions/subscribe-button';

export function TrainHeader({ train, pipelineName }: { train: TrainDetail; pipelineName: string }) {
  const canDerail = useCan('trains.start') && train.status === 'running';
  const here = train.stations.find((s) => s.key === train.station);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/pipelines/${encodeURIComponent(train.pipeline)}`} className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden className="size-3" /> {pipelineName}
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span>
              Train <span className="font-mono">#{train.number}</span>{' '}
              <span className="font-mono text-base font-normal text-muted" data-testid="train-version">
                {train.version}
              </span>
            </span>
            {train.kind === 'hotfix' && <Tag tone="warning">Hotfix</Tag>}
            <StatusBadge status={train.status} data-testid="train-status" />
          </span>
        }
        description={
          train.status === 'running'
            ? here
              ? `At ${here.name}. This page follows the train live.`
              : 'Departing. This page follows the train live.'
            : train.status === 'arrived'
              ? 'Arrived: every station was reached.'
              : 'Derailed: its features went back to ready and board the next train.'
        }
        actions={
          <>
            {/* A train's messages come from its pipeline's subscription. */}
            <SubscribeButton target={{ kind: 'pipeline', key: train.pipeline }} />
            {canDerail && <DerailButton train={train} />}
          </>
        }
      />
      {train.derailReason && (
        <div role="alert" data-testid="derail-reason-shown" className="mb-4 rounded-md border tone-red p-3 text-sm">
          <span className="font-medium">Derailed:</span> {train.derailReason}
        </div>
      )}
      <Card className="mb-4">
        <CardBody>
          <MetaList
            items={[
              { label: 'Version', value: <span className="font-mono">{train.version}</span> },
              { label: 'Started by', value: <span data-testid="train-started-by">{train.startedBy ?? 'Railyard'}</span> },
              { label: 'Started', value: <RelativeTime iso={train.startedAt} /> },
              { label: 'Finished', value: <RelativeTime iso={train.finishedAt} /> },
              { label: 'Duration', value: <RunDuration start={train.startedAt} end={train.finishedAt} className="font-mono tabular-nums" /> },
              { label: train.kind === 'hotfix' ? 'From tag' : 'Base', value: <span className="font-mono text-xs">{train.baseRef ?? '—'}</span> },
            ]}
          />
        </CardBody>
      </Card>
    </>
  );
}
