import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import type { RunDetail } from '@/engine/dto/runs';
import { Card, CardBody } from '@/components/ui/card';
import { MetaList } from '@/components/ui/meta-list';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { RunActions } from './run-actions';
import { RunDuration } from './run-duration';
import { RunOrigin } from './run-origin';
import { RunRelated } from './run-related';

/** Title, status, actions and the facts that locate a run: workflow version, triggering event,
 *  lineage (re-run/resume/replay), timings, and what it led to (later runs, emitted events). */
export function RunHeader({ run }: { run: RunDetail }) {
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/runs" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden className="size-3" /> Runs
          </Link>
        }
        title={
          <span className="flex flex-wrap items-center gap-3">
            <span>
              {run.workflow.name} <span className="font-mono text-base font-normal text-muted">#{run.number}</span>
            </span>
            <StatusBadge status={run.status} data-testid="run-status" />
          </span>
        }
        actions={<RunActions run={run} />}
      />
      {run.error && (
        <div role="alert" className="mb-4 rounded-md border tone-red p-3 font-mono text-xs whitespace-pre-wrap">
          {run.error}
        </div>
      )}
      <Card className="mb-4">
        <CardBody>
          <MetaList
            items={[
              {
                label: 'Workflow',
                value: (
                  <Link href={`/workflows/${encodeURIComponent(run.workflow.name)}`} className="text-accent hover:underline">
                    {run.workflow.name}
                    <span className="font-mono text-xs">@v{run.workflow.version}</span>
                  </Link>
                ),
              },
              {
                label: 'Triggered by',
                value: (
                  <Link href={`/events/${run.event.id}`} className="font-mono text-xs text-accent hover:underline">
                    {run.event.source} / {run.event.type}
                  </Link>
                ),
              },
              { label: 'Reason', value: <RunOrigin run={run} /> },
              ...(run.concurrencyKey
                ? [{ label: 'Concurrency key', value: <span className="font-mono text-xs" title={run.concurrencyKey} data-testid="run-concurrency-key">{run.concurrencyKey}</span> }]
                : []),
              { label: 'Created', value: <RelativeTime iso={run.createdAt} /> },
              { label: 'Started', value: <RelativeTime iso={run.startedAt} /> },
              { label: 'Finished', value: <RelativeTime iso={run.finishedAt} /> },
              {
                label: 'Duration',
                value: <RunDuration start={run.startedAt} end={run.finishedAt} className="font-mono tabular-nums" />,
              },
            ]}
          />
          <RunRelated run={run} />
        </CardBody>
      </Card>
    </>
  );
}
