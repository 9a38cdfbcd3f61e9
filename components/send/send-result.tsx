import { CircleCheck, Copy as CopyIcon, TriangleAlert } from 'lucide-react';
import Link from 'next/link';

export type SendOutcome = { kind: 'ok'; id: string; duplicate: boolean } | { kind: 'error'; message: string; status?: number };

/** What happened to the last send: the new event (linked) or the server's error message. */
export function SendResult({ outcome }: { outcome: SendOutcome }) {
  if (outcome.kind === 'error') {
    return (
      <div role="alert" data-testid="send-error" className="flex items-start gap-2 rounded-md border tone-red p-3 text-sm">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <div>
          <p className="font-medium">Not accepted{outcome.status ? ` (${outcome.status})` : ''}</p>
          <p className="text-fg/80">{outcome.message}</p>
        </div>
      </div>
    );
  }
  const Icon = outcome.duplicate ? CopyIcon : CircleCheck;
  return (
    <div role="status" data-testid="send-result" data-event-id={outcome.id} className={`flex items-start gap-2 rounded-md border p-3 text-sm ${outcome.duplicate ? 'tone-amber' : 'tone-green'}`}>
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div>
        <p className="font-medium">{outcome.duplicate ? 'Duplicate: this Idempotency-Key was already used' : 'Event accepted'}</p>
        <p className="text-fg/80">
          Event{' '}
          <Link href={`/events/${outcome.id}`} className="font-mono text-xs text-accent underline">
            {outcome.id}
          </Link>{' '}
          {outcome.duplicate ? 'is the one received earlier.' : 'is stored; workflows that listen to it start now.'}
        </p>
      </div>
    </div>
  );
}
