// What happens when one event type arrives: its description, who emits it and who waits for it
// (links back to those workflows), and every workflow that listens, or a plain "nobody listens".
import { Hourglass, Send } from 'lucide-react';
import Link from 'next/link';
import { eventAnchor, workflowAnchor } from '@/engine/docs/process-graph';
import type { ProcessEntryDto } from '@/engine/dto/processes';
import { withQuery } from '@/lib/api';
import { InlineCode } from '@/components/ui/inline-code';
import { Tag } from '@/components/ui/tag';
import { ListenerCard } from './listener-card';
import { SubscribeButton } from '@/components/subscriptions/subscribe-button';

function StepRefs({ icon: Icon, label, refs }: { icon: typeof Send; label: string; refs: ProcessEntryDto['emittedBy'] }) {
  if (refs.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted">
      <Icon aria-hidden className="size-3.5" /> {label}
      {refs.map((r) => (
        <Link key={`${r.workflow}/${r.step}`} href={`/processes#${workflowAnchor(r.workflow)}`} className="font-mono text-accent hover:underline" title={r.description || undefined}>
          {r.workflow} › {r.step}
        </Link>
      ))}
    </div>
  );
}

export function EventSection({ entry, graphsOpen }: { entry: ProcessEntryDto; graphsOpen: boolean }) {
  const id = eventAnchor(entry.source, entry.type);
  return (
    <section id={id} aria-labelledby={`${id}-h`} className="scroll-mt-16" data-testid="process-event" data-event={`${entry.source}/${entry.type}`}>
      <div className="mb-2 flex flex-wrap items-baseline gap-2">
        <h2 id={`${id}-h`} className="font-mono text-base font-semibold">
          <a href={`#${id}`} className="hover:underline">{entry.source} / {entry.type}</a>
        </h2>
        {!entry.registered && <Tag tone="warning" title="Only workflows mention it; register it to document its payload">not in the registry</Tag>}
        <Link href={withQuery('/events', { source: entry.source, type: entry.type })} className="text-xs text-accent hover:underline">Recent events</Link>
        <span className="ml-auto self-center"><SubscribeButton target={{ kind: 'event-type', source: entry.source, type: entry.type }} variant="ghost" compact /></span>
      </div>
      {entry.description && <p className="mb-2 text-sm text-muted"><InlineCode text={entry.description} /></p>}
      <div className="mb-3 flex flex-col gap-1">
        <StepRefs icon={Send} label="Emitted by" refs={entry.emittedBy} />
        <StepRefs icon={Hourglass} label="Awaited by" refs={entry.awaitedBy} />
      </div>
      {entry.listeners.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-3 text-sm text-muted" data-testid="no-listeners">
          Nobody listens to this event: when it arrives, it is stored and nothing runs.
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          {entry.listeners.map((l) => <ListenerCard key={l.name} listener={l} graphOpen={graphsOpen} />)}
        </div>
      )}
    </section>
  );
}
