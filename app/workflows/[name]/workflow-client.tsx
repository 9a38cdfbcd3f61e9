'use client';

// Read-only workflow page (linked from runs and the registry): trigger, versions and the YAML
// text form, which is the process documentation. Edit opens the visual editor; History the versions.
import { ArrowLeft, Eye, History, Pencil } from 'lucide-react';
import { ButtonLink } from '@/components/ui/button';
import { useCan } from '@/lib/me';
import Link from 'next/link';
import { withQuery } from '@/lib/api';
import { useWorkflow } from '@/lib/queries';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CodeBlock } from '@/components/ui/code-block';
import { ErrorState } from '@/components/ui/error-state';
import { MetaList } from '@/components/ui/meta-list';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tag } from '@/components/ui/tag';
import { InlineCode } from '@/components/ui/inline-code';

export function WorkflowClient({ name }: { name: string }) {
  const q = useWorkflow(name);
  const canEdit = useCan('workflows.publish');
  if (q.isPending) return <SkeletonRows label="Loading workflow" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load this workflow" />;
  const wf = q.data;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/registry" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden className="size-3" /> Registry
          </Link>
        }
        title={
          <span className="flex items-center gap-2">
            {wf.name} <Tag mono>v{wf.version}</Tag> {!wf.enabled && <Tag tone="warning">disabled</Tag>}
          </span>
        }
        description={<InlineCode text={wf.description} />}
        actions={
          <>
            <ButtonLink href={`/workflows/${encodeURIComponent(wf.name)}/history`} size="sm" data-testid="workflow-history">
              <History aria-hidden /> History
            </ButtonLink>
            <ButtonLink href={`/workflows/${encodeURIComponent(wf.name)}/edit`} size="sm" variant={canEdit ? 'primary' : 'secondary'} data-testid="workflow-edit">
              {canEdit ? <Pencil aria-hidden /> : <Eye aria-hidden />} {canEdit ? 'Edit' : 'View graph'}
            </ButtonLink>
          </>
        }
      />
      <Card className="mb-4">
        <CardBody>
          <MetaList
            items={[
              {
                label: 'Trigger',
                value: (
                  <Link href={withQuery('/events', { source: wf.trigger.source, type: wf.trigger.type })} className="font-mono text-xs text-accent hover:underline">
                    {wf.trigger.source} / {wf.trigger.type}
                  </Link>
                ),
              },
              { label: 'Filter', value: <code className="font-mono text-xs">{wf.trigger.filter ?? '—'}</code> },
              { label: 'Versions', value: String(wf.versions.length) },
              { label: 'Latest version', value: <RelativeTime iso={wf.versions.find((v) => v.version === wf.version)?.createdAt} /> },
              { label: 'Runs', value: <Link className="text-accent hover:underline" href={withQuery('/runs', { workflow: wf.name })}>See runs</Link> },
            ]}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Definition" description="The text form: export, review in git, import." />
        <div className="p-4">
          <CodeBlock label={`${wf.name}.yaml`} code={wf.yaml} maxHeight="40rem" />
        </div>
      </Card>
    </>
  );
}
