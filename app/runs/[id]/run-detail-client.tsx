'use client';

import { useState } from 'react';
import type { RunDetail } from '@/engine/dto/runs';
import { useRun } from '@/lib/queries';
import { RunGraph } from '@/components/runs/run-graph';
import { RunHeader } from '@/components/runs/run-header';
import { StepDetailPanel } from '@/components/runs/step-detail-panel';
import { StepList } from '@/components/runs/step-list';
import { Card, CardHeader } from '@/components/ui/card';
import { ErrorState } from '@/components/ui/error-state';
import { JsonViewer } from '@/components/ui/json-viewer';
import { SkeletonRows } from '@/components/ui/skeleton';

/** Until the user picks a step, show the one most worth looking at: failed, then active. */
function defaultStep(run: RunDetail): string | null {
  const pick =
    run.steps.find((s) => s.status === 'failed') ??
    run.steps.find((s) => s.status === 'running' || s.status === 'waiting') ??
    null;
  return pick?.id ?? null;
}

export function RunDetailClient({ id, initialStep }: { id: string; initialStep: string | null }) {
  const q = useRun(id);
  const [picked, setPicked] = useState<string | null>(initialStep);

  if (q.isPending) return <SkeletonRows label="Loading run" rows={10} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => q.refetch()} title="Could not load this run" />;
  const run = q.data;
  const selectedId = picked ?? defaultStep(run);
  const selected = run.steps.find((s) => s.id === selectedId) ?? null;
  const select = (stepId: string) => {
    setPicked(stepId);
    // Keep the selection shareable without a navigation (no refetch, no scroll jump).
    const url = new URL(window.location.href);
    url.searchParams.set('step', stepId);
    window.history.replaceState(window.history.state, '', url);
  };
  const vars = Object.keys(run.vars).length ? run.vars : null;

  return (
    <>
      <RunHeader run={run} />
      {/* The graph gets the full width (DAGs are wide); list and details share the row below. */}
      <Card className="mb-4 overflow-hidden">
        <CardHeader title="Steps" description={`${run.steps.length} steps · select one for details`} />
        <RunGraph run={run} selectedId={selectedId} onSelect={select} />
      </Card>
      <div className="grid grid-cols-1 items-start gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1.1fr)]">
        <Card className="min-w-0">
          <CardHeader title="Step list" as="h2" />
          <StepList steps={run.steps} selectedId={selectedId} onSelect={select} />
        </Card>
        <div className="min-w-0 lg:sticky lg:top-16">
          <StepDetailPanel runId={run.id} step={selected} />
        </div>
      </div>
      <Card className="mt-4">
        <CardHeader title="Variables" description="Set by meta actions during the run." />
        <div className="p-4">
          {vars ? <JsonViewer value={vars} /> : <p className="text-xs text-muted">No variables set.</p>}
        </div>
      </Card>
    </>
  );
}
