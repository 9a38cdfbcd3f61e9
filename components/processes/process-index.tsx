// The page's table of contents: sources, their event types (with how many workflows listen) and
// the action catalog, each a link to its section.
import { eventAnchor } from '@/engine/docs/process-graph';
import type { ProcessEntryDto } from '@/engine/dto/processes';
import { cn } from '@/lib/cn';

export function ProcessIndex({ entries }: { entries: ProcessEntryDto[] }) {
  const sources = [...new Set(entries.map((e) => e.source))];
  return (
    <nav aria-label="Event types" className="flex flex-col gap-3 text-sm">
      {sources.map((source) => (
        <div key={source}>
          <h2 className="mb-1 font-mono text-[11px] font-semibold tracking-wide text-muted uppercase">{source}</h2>
          <ul className="flex flex-col">
            {entries.filter((e) => e.source === source).map((e) => (
              <li key={e.type}>
                <a href={`#${eventAnchor(e.source, e.type)}`} className="flex items-center justify-between gap-2 rounded px-1.5 py-0.5 hover:bg-surface-2">
                  <span className={cn('truncate font-mono text-xs', e.listeners.length === 0 && 'text-muted')}>{e.type}</span>
                  <span className="shrink-0 text-[11px] text-subtle" aria-label={`${e.listeners.length} workflows listen`}>{e.listeners.length || '—'}</span>
                </a>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <a href="#actions" className="rounded px-1.5 py-0.5 text-xs font-medium text-accent hover:bg-surface-2">Actions</a>
    </nav>
  );
}
