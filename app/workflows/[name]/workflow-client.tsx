'use client';

// The workflow page (linked from runs, the registry, Processes and search): its purpose, owner and
// trigger, how it works (read-only graph and every step in words), how its runs are doing, its
// change history, and the YAML text form. Edit opens the visual editor; History the versions.
import { ArrowLeft, Eye, History, Pencil } from 'lucide-react';
import Link from 'next/link';
import { filterInWords } from '@/engine/docs/filter-words';
import { eventAnchor } from '@/engine/docs/process-graph';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { CodeBlock } from '@/components/ui/code-block';
import { ErrorState } from '@/components/ui/error-state';
import { InlineCode } from '@/components/ui/inline-code';
import { MetaList } from '@/components/ui/meta-list';
import { PageHeader } from '@/components/ui/page-header';
import { RelativeTime } from '@/components/ui/relative-time';
import { SkeletonRows } from '@/components/ui/skeleton';
import { Tag } from '@/components/ui/tag';
import { ChangeHistory } from '@/components/workflow-page/change-history';
import { HowItWorks } from '@/components/workflow-page/how-it-works';
import { RunHealth } from '@/components/workflow-page/run-health';
import { SubscribeButton } from '@/components/subscriptions/subscribe-button';
import { useCan } from '@/lib/me';
import { useProcesses } from '@/lib/process-queries';
import { PAGE_SIZE, useActions, useRuns, useWorkflow } from '@/lib/queries';
import { useScrollToHash } from '@/lib/use-scroll-to-hash';
import { useWorkflowVersions } from '@/lib/workflow-queries';

export function WorkflowClient({ name }: { name: string }) {
  const q = useWorkflow(name);
  const canEdit = useCan('workflows.publish');
  const actions = useActions();
  const runs = useRuns({ workflow: name });
  const versions = useWorkflowVersions(name);
  const processes = useProcesses();
  useScrollToHash(q.isSuccess && actions.isSuccess);
  if (q.isPending) return <SkeletonRows label="Loading workflow" />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load this workflow" />;
  const wf = q.data;
  const def = wf.definition as WorkflowDefinition;
  const chain = processes.data?.flatMap((e) => e.listeners).find((l) => l.name === wf.name);
  const filter = filterInWords(wf.trigger.filter);
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
        description={wf.description ? <InlineCode text={wf.description} /> : <span className="italic">No description: say what this process is for in the editor.</span>}
        actions={
          <>
            <SubscribeButton target={{ kind: 'workflow', name: wf.name }} />
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
                  <Link href={`/processes#${eventAnchor(wf.trigger.source, wf.trigger.type)}`} title={`${wf.trigger.source} / ${wf.trigger.type}`} className="font-mono text-xs text-accent hover:underline" data-testid="workflow-trigger">
                    {wf.trigger.source} / {wf.trigger.type}
                  </Link>
                ),
              },
              { label: 'Runs when', value: <span className="text-xs" title={wf.trigger.filter}>{filter ? <InlineCode text={filter} /> : 'every such event'}</span> },
              { label: 'Owner', value: <span data-testid="workflow-owner">{def.owner ?? <span className="text-muted">nobody named</span>}</span> },
              { label: 'Steps', value: String(def.steps.length) },
              { label: 'Latest version', value: <RelativeTime iso={wf.versions.find((v) => v.version === wf.version)?.createdAt} /> },
              { label: 'Events', value: <Link className="text-accent hover:underline" href={`/events?source=${encodeURIComponent(wf.trigger.source)}&type=${encodeURIComponent(wf.trigger.type)}`}>Recent events</Link> },
            ]}
          />
        </CardBody>
      </Card>
      <div className="flex flex-col gap-4">
        {actions.data ? <HowItWorks definition={def} actions={actions.data} chain={chain} /> : <SkeletonRows label="Loading the steps" />}
        <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          {runs.data ? <RunHealth name={wf.name} runs={runs.data} window={PAGE_SIZE} /> : <SkeletonRows label="Loading runs" />}
          {versions.data ? <ChangeHistory name={wf.name} versions={versions.data} /> : <SkeletonRows label="Loading the history" />}
        </div>
        <Card>
          <CardHeader title="Definition" description="The text form: export, review in git, import." />
          <div className="p-4">
            <CodeBlock label={`${wf.name}.yaml`} code={wf.yaml} maxHeight="40rem" />
          </div>
        </Card>
      </div>
    </>
  );
}
