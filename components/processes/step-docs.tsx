// A workflow's steps as prose: the author's "why", what the step does in plain words, when it runs,
// the action's own description and every parameter in words. Steps that emit or wait for an event
// link to that event's section on /processes, which is how a process spanning workflows is followed.
import { ArrowRight, Hourglass, Send } from 'lucide-react';
import Link from 'next/link';
import { eventAnchor, type StepEventLink } from '@/engine/docs/process-graph';
import type { StepDocDto } from '@/engine/dto/processes';
import { InlineCode } from '@/components/ui/inline-code';
import { Tag } from '@/components/ui/tag';

const sentence = (phrase: string) => `${phrase.charAt(0).toUpperCase()}${phrase.slice(1)}.`;

function ChainLink({ link }: { link: StepEventLink }) {
  if (link.dynamic) {
    return <p className="mt-1 text-xs text-muted">The event&apos;s source or type is computed when it runs, so it cannot be followed here.</p>;
  }
  const Icon = link.kind === 'emits' ? Send : Hourglass;
  return (
    <Link
      href={`/processes#${eventAnchor(link.source, link.type)}`}
      className="mt-1.5 inline-flex items-center gap-1.5 rounded-md border border-border bg-accent-soft px-2 py-1 text-xs text-accent hover:underline"
      data-testid="chain-link"
      data-event={`${link.source}/${link.type}`}
    >
      <Icon aria-hidden className="size-3.5" />
      {link.kind === 'emits' ? 'Emits' : 'Waits for'} <span className="font-mono">{link.source} / {link.type}</span>: what happens then
      <ArrowRight aria-hidden className="size-3.5" />
    </Link>
  );
}

export function StepDocs({ steps, links, anchorPrefix = '' }: { steps: StepDocDto[]; links: StepEventLink[]; anchorPrefix?: string }) {
  return (
    <ol className="flex flex-col divide-y divide-border" data-testid="step-docs">
      {steps.map((s, i) => (
        <li key={s.id} id={`${anchorPrefix}step-${s.id}`} className="scroll-mt-16 py-3 first:pt-0 last:pb-0" data-testid="step-doc" data-step={s.id}>
          <div className="flex flex-wrap items-center gap-2">
            <span className="flex size-5 items-center justify-center rounded-full bg-surface-3 text-[11px] font-semibold text-muted">{i + 1}</span>
            <span className="font-mono text-sm font-semibold">{s.id}</span>
            <Tag mono title={s.action}>{s.actionTitle}</Tag>
          </div>
          <div className="mt-1 ml-7 flex flex-col gap-1 text-sm">
            {s.description && <p className="text-fg">{s.description}</p>}
            <p className="text-fg" data-testid="step-phrase">
              <InlineCode text={sentence(s.phrase)} />
              {s.when && <span className="text-muted"> Runs <InlineCode text={s.when} />.</span>}
            </p>
            {s.actionDescription && <p className="text-xs text-muted">{s.actionTitle}: {s.actionDescription}</p>}
            {s.params.length > 0 && (
              <dl className="mt-1 grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
                {s.params.map((p) => (
                  <div key={p.name} className="contents">
                    <dt className="font-mono text-muted">{p.name}</dt>
                    <dd className="min-w-0 break-words">
                      <InlineCode text={p.value} />
                      {p.help && <span className="text-subtle"> — {p.help}</span>}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {links.filter((l) => l.step === s.id).map((l) => <ChainLink key={`${l.kind}${l.source}${l.type}`} link={l} />)}
          </div>
        </li>
      ))}
    </ol>
  );
}
