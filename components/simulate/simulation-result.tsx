'use client';

// The simulator's answer: per workflow, whether it would start (and its filter's result), then
// each step with would-run or the reason it is skipped, and its resolved parameters.
import { FlaskConical } from 'lucide-react';
import Link from 'next/link';
import type { SimulatedWorkflow, SimulateResult } from '@/engine/dto/simulate';
import { EmptyState } from '@/components/ui/empty-state';
import { Tag } from '@/components/ui/tag';
import { SimulatedStepRow } from './simulated-step-row';

function FilterLine({ wf }: { wf: SimulatedWorkflow }) {
  const { expression, result, error } = wf.filter;
  return (
    <p className="text-xs text-muted" data-testid="sim-filter" data-result={String(result)}>
      {expression === null ? (
        'No filter: every event of this type starts it.'
      ) : (
        <>
          filter <code className="font-mono text-fg">{expression}</code> →{' '}
          <span className={error ? 'text-danger' : 'font-mono text-fg'}>{error ?? String(result)}</span>
        </>
      )}
    </p>
  );
}

function WorkflowResult({ wf }: { wf: SimulatedWorkflow }) {
  return (
    <section className="space-y-2 rounded-lg border border-border bg-surface p-4" data-testid={`sim-workflow-${wf.name}`} data-matched={wf.matched}>
      <header className="flex flex-wrap items-center gap-2">
        <Link href={`/workflows/${encodeURIComponent(wf.name)}`} className="text-sm font-semibold text-fg hover:underline">
          {wf.name}
        </Link>
        <Tag mono>{wf.draft ? 'unpublished' : `v${wf.version}`}</Tag>
        {wf.matched ? <Tag tone="success">would start</Tag> : <Tag tone="neutral">would not start</Tag>}
        {!wf.matched && wf.reason && <span className="text-xs text-muted">{wf.reason}</span>}
      </header>
      <FilterLine wf={wf} />
      <ol className="space-y-2">
        {wf.steps.map((s) => (
          <SimulatedStepRow key={s.id} step={s} />
        ))}
      </ol>
    </section>
  );
}

export function SimulationResult({ result, only }: { result: SimulateResult; only?: string }) {
  const shown = only ? result.workflows.filter((w) => w.name === only) : result.workflows;
  if (shown.length === 0) {
    return (
      <EmptyState icon={FlaskConical} title="No workflow listens to this event">
        Nothing would run for {result.event.source} / {result.event.type}.
      </EmptyState>
    );
  }
  const starting = shown.filter((w) => w.matched).length;
  return (
    <div className="space-y-3" data-testid="sim-result">
      <p className="text-sm text-muted" role="status">
        {starting} of {shown.length} workflow{shown.length === 1 ? '' : 's'} would start. Nothing was stored or sent.
      </p>
      {shown.map((wf) => (
        <WorkflowResult key={wf.name} wf={wf} />
      ))}
    </div>
  );
}
