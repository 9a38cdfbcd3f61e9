'use client';

import { ChevronRight, Send } from 'lucide-react';
import Link from 'next/link';
import { useId, useState } from 'react';
import type { EventTypeDto } from '@/engine/dto/registry';
import { withQuery } from '@/lib/api';
import { cn } from '@/lib/cn';
import { ButtonLink } from '@/components/ui/button';
import { JsonViewer } from '@/components/ui/json-viewer';
import { Tag } from '@/components/ui/tag';
import { WorkflowBinding } from './workflow-binding';
import { SubscribeButton } from '@/components/subscriptions/subscribe-button';
import { InlineCode } from '@/components/ui/inline-code';

/** "When <source>/<type> arrives, these workflows run": the living documentation of one event. */
export function EventTypeRow({ et }: { et: EventTypeDto }) {
  const [showSample, setShowSample] = useState(false);
  const sampleId = useId();
  return (
    <li className="grid grid-cols-1 gap-3 px-4 py-3 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]" data-testid={`event-type-${et.source}-${et.type}`}>
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <Link href={withQuery('/events', { source: et.source, type: et.type })} className="font-mono text-sm font-medium hover:text-accent hover:underline" title="Show received events of this type">
            {et.type}
          </Link>
          {et.registered ? <Tag tone="success">registered</Tag> : <Tag tone="warning">seen, unregistered</Tag>}
        </div>
        <p className="mt-1 text-xs text-muted">{et.description ? <InlineCode text={et.description} /> : et.registered ? 'No description.' : 'Received but not described in the registry yet.'}</p>
        <div className="mt-2 flex flex-wrap gap-1">
          {et.samplePayload !== null && et.samplePayload !== undefined && (
            <button
              type="button"
              aria-expanded={showSample}
              aria-controls={sampleId}
              onClick={() => setShowSample((v) => !v)}
              className="inline-flex h-6 items-center gap-1 rounded px-1.5 text-xs text-muted hover:bg-surface-2 hover:text-fg"
            >
              <ChevronRight aria-hidden className={cn('size-3.5 transition-transform', showSample && 'rotate-90')} />
              Sample payload
            </button>
          )}
          <ButtonLink href={withQuery('/send', { source: et.source, type: et.type })} size="sm" variant="ghost" aria-label={`Send a ${et.type} event`}>
            <Send aria-hidden /> Send
          </ButtonLink>
          <SubscribeButton target={{ kind: 'event-type', source: et.source, type: et.type }} variant="ghost" compact />
        </div>
        {showSample && (
          <div id={sampleId} className="mt-2 rounded-md border border-border bg-surface-2 p-2">
            <JsonViewer value={et.samplePayload} />
          </div>
        )}
      </div>
      <div>
        <h4 className="sr-only">Workflows started by {et.type}</h4>
        {et.workflows.length === 0 ? (
          <p className="rounded-md border border-dashed border-border px-3 py-2 text-xs text-muted">No workflow listens to this event yet.</p>
        ) : (
          <ul className="flex flex-col gap-1.5">
            {et.workflows.map((wf) => (
              <WorkflowBinding key={wf.name} wf={wf} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
