'use client';

// A workflow's history: every version with its author and message; "Changes" compares a version
// with the one before it (or any two, via ?from=&to=), drawn on the canvas and as text.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ArrowLeft } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { z } from 'zod';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { apiGet, apiSend, errorMessage, withQuery } from '@/lib/api';
import { useCan } from '@/lib/me';
import { keys } from '@/lib/queries';
import { workflowDetailSchema } from '@/engine/dto/registry';
import { useWorkflowDiff, useWorkflowVersions, workflowKeys } from '@/lib/workflow-queries';
import { DiffView } from '@/components/workflow-history/diff-view';
import { VersionList } from '@/components/workflow-history/version-list';
import { Card, CardBody, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { PageHeader } from '@/components/ui/page-header';
import { SkeletonRows } from '@/components/ui/skeleton';

function useVersionDefinition(name: string, version: number | null) {
  return useQuery({
    queryKey: [...keys.workflow(name), version],
    enabled: version !== null,
    queryFn: ({ signal }) => apiGet(withQuery(`/api/workflows/${encodeURIComponent(name)}`, { version }), workflowDetailSchema, signal),
    staleTime: Infinity, // versions are immutable
  });
}

export function HistoryClient({ name, from, to }: { name: string; from: number | null; to: number | null }) {
  const router = useRouter();
  const qc = useQueryClient();
  const canRestore = useCan('workflows.publish');
  const versions = useWorkflowVersions(name);
  const [notice, setNotice] = useState<string | null>(null);
  const list = versions.data ?? [];
  const pickTo = to ?? list[0]?.version ?? null;
  const pickFrom = from ?? list.find((v) => pickTo !== null && v.version < pickTo)?.version ?? null;
  const diff = useWorkflowDiff(name, pickFrom, pickTo);
  const a = useVersionDefinition(name, pickFrom);
  const b = useVersionDefinition(name, pickTo);

  const restore = async (version: number) => {
    try {
      const { data } = await apiSend('POST', `/api/workflows/${encodeURIComponent(name)}/restore`, { version }, z.object({ version: z.number(), created: z.boolean() }));
      setNotice(data.created ? `Version ${version} restored as version ${data.version}.` : `Version ${version} is what is live already.`);
      await qc.invalidateQueries({ queryKey: workflowKeys.versions(name) });
      await qc.invalidateQueries({ queryKey: keys.workflow(name) });
      router.replace(`/workflows/${encodeURIComponent(name)}/history`);
    } catch (err) {
      setNotice(errorMessage(err));
    }
  };

  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => versions.refetch()} title="Could not load the history" />;
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/workflows/${encodeURIComponent(name)}`} className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft aria-hidden className="size-3" /> {name}
          </Link>
        }
        title="History"
        description="Every published version, who published it and why. Versions never change; restoring publishes an old one again."
      />
      {notice && (
        <p role="status" className="mb-3 rounded-md border border-border bg-accent-soft px-3 py-2 text-sm" data-testid="history-notice">
          {notice}
        </p>
      )}
      <div className="grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
        <Card>
          <CardHeader title="Versions" />
          {versions.isPending ? <SkeletonRows label="Loading versions" /> : (
            <VersionList versions={list} from={pickFrom} to={pickTo} onPick={(f, t) => router.replace(`?from=${f}&to=${t}`)} onRestore={canRestore ? (v) => void restore(v) : undefined} />
          )}
        </Card>
        <Card>
          <CardHeader title={pickFrom !== null && pickTo !== null ? `Changes from v${pickFrom} to v${pickTo}` : 'Changes'} />
          <CardBody>
            {pickFrom === null || pickTo === null ? (
              <p className="text-sm text-muted">Only one version so far: nothing to compare.</p>
            ) : diff.isError ? (
              <ErrorState error={diff.error} onRetry={() => diff.refetch()} title="Could not compare" />
            ) : diff.data && a.data && b.data ? (
              <DiffView diff={diff.data} from={a.data.definition as WorkflowDefinition} to={b.data.definition as WorkflowDefinition} />
            ) : (
              <SkeletonRows label="Comparing" />
            )}
          </CardBody>
        </Card>
      </div>
    </>
  );
}
