// One search hit: what kind of thing it is, its title, and the snippet with the matched words
// marked (the API wraps them in « »; rendered as <mark>, never as HTML).
import { Activity, Boxes, Footprints, Workflow } from 'lucide-react';
import { Fragment } from 'react';
import type { SearchResultDto } from '@/engine/dto/processes';
import { cn } from '@/lib/cn';

const KIND = {
  'event-type': { label: 'Event type', icon: Activity },
  workflow: { label: 'Workflow', icon: Workflow },
  step: { label: 'Step', icon: Footprints },
  action: { label: 'Action', icon: Boxes },
} as const;

export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(«[^«»]*»)/g);
  return (
    <>
      {parts.map((p, i) =>
        p.startsWith('«') && p.endsWith('»') ? (
          <mark key={i} className="rounded-sm bg-accent-soft px-0.5 text-fg">{p.slice(1, -1)}</mark>
        ) : (
          <Fragment key={i}>{p}</Fragment>
        ),
      )}
    </>
  );
}

export function SearchResult({ result, active }: { result: SearchResultDto; active: boolean }) {
  const { label, icon: Icon } = KIND[result.kind];
  return (
    <div className={cn('flex gap-2.5 rounded-md px-2.5 py-2', active && 'bg-surface-3')}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />
      <div className="min-w-0">
        <div className="flex items-baseline gap-2">
          <span className="truncate font-mono text-sm font-medium">{result.title}</span>
          <span className="shrink-0 text-[11px] text-subtle">{label}</span>
        </div>
        {result.snippet && <p className="line-clamp-2 text-xs text-muted"><Snippet text={result.snippet} /></p>}
      </div>
    </div>
  );
}
