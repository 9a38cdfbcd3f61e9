'use client';

// One workflow that runs when the event arrives: purpose, owner, filter in words, the workflows
// before and after it in the story, its graph (open by default only on short pages: a canvas per
// workflow on a page of fifty would be heavy) and its steps in words.
import { ArrowLeft, ArrowRight, ChevronDown, UserRound } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { eventAnchor, workflowAnchor } from '@/engine/docs/process-graph';
import type { ProcessListenerDto } from '@/engine/dto/processes';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import { Button } from '@/components/ui/button';
import { InlineCode } from '@/components/ui/inline-code';
import { Tag } from '@/components/ui/tag';
import { ReadOnlyGraph } from './read-only-graph';
import { StepDocs } from './step-docs';

export function ChainRefs({ listener }: { listener: Pick<ProcessListenerDto, 'upstream' | 'downstream'> }) {
  if (listener.upstream.length === 0 && listener.downstream.length === 0) return null;
  return (
    <ul className="flex flex-col gap-1 text-xs" aria-label="Part of a longer process">
      {listener.upstream.map((u) => (
        <li key={`u${u.workflow}${u.step}`} className="flex flex-wrap items-center gap-1 text-muted">
          <ArrowLeft aria-hidden className="size-3.5" />
          {u.kind === 'emits' ? 'Started by' : 'Shares its event with'}
          <Link className="font-mono text-accent hover:underline" href={`/processes#${workflowAnchor(u.workflow)}`}>{u.workflow}</Link>
          (step <span className="font-mono">{u.step}</span> {u.kind === 'emits' ? 'emits' : 'waits for'}{' '}
          <Link className="font-mono text-accent hover:underline" href={`/processes#${eventAnchor(u.source, u.type)}`}>{u.source} / {u.type}</Link>)
        </li>
      ))}
      {listener.downstream.map((d) => (
        <li key={`d${d.workflow}${d.step}`} className="flex flex-wrap items-center gap-1 text-muted">
          <ArrowRight aria-hidden className="size-3.5" />
          {d.kind === 'emits' ? 'Starts' : 'Its awaited event also starts'}
          <Link className="font-mono text-accent hover:underline" href={`/processes#${workflowAnchor(d.workflow)}`} data-testid="downstream-link">{d.workflow}</Link>
          (via <Link className="font-mono text-accent hover:underline" href={`/processes#${eventAnchor(d.source, d.type)}`}>{d.source} / {d.type}</Link>)
        </li>
      ))}
    </ul>
  );
}

export function ListenerCard({ listener, graphOpen = false }: { listener: ProcessListenerDto; graphOpen?: boolean }) {
  const [graph, setGraph] = useState(graphOpen);
  return (
    <article id={workflowAnchor(listener.name)} className="scroll-mt-16 rounded-lg border border-border bg-surface" data-testid="process-workflow" data-workflow={listener.name}>
      <header className="flex flex-wrap items-start justify-between gap-2 border-b border-border px-4 py-3">
        <div className="min-w-0">
          <h3 className="flex flex-wrap items-center gap-2 text-sm font-semibold">
            <Link href={`/workflows/${encodeURIComponent(listener.name)}`} className="font-mono text-accent hover:underline" data-testid="process-workflow-link">
              {listener.name}
            </Link>
            <Tag mono>v{listener.version}</Tag>
            {listener.owner && (
              <span className="inline-flex items-center gap-1 text-xs font-normal text-muted">
                <UserRound aria-hidden className="size-3.5" /> {listener.owner}
              </span>
            )}
          </h3>
          {listener.description && <p className="mt-0.5 text-sm text-muted"><InlineCode text={listener.description} /></p>}
          <p className="mt-1 text-xs text-muted">
            Runs {listener.filterInWords ? <InlineCode text={listener.filterInWords} /> : 'for every such event'}.
          </p>
        </div>
        <Button size="sm" variant="ghost" aria-expanded={graph} onClick={() => setGraph((g) => !g)} data-testid="toggle-graph">
          <ChevronDown aria-hidden className={graph ? 'rotate-180' : undefined} /> {graph ? 'Hide graph' : 'Show graph'}
        </Button>
      </header>
      <div className="flex flex-col gap-3 px-4 py-3">
        <ChainRefs listener={listener} />
        {graph && <ReadOnlyGraph definition={listener.definition as WorkflowDefinition} />}
        <StepDocs steps={listener.steps} links={listener.links} anchorPrefix={`${listener.name}-`} />
      </div>
    </article>
  );
}
