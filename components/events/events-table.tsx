'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { EventSummary } from '@/engine/dto/events';
import { RelativeTime } from '@/components/ui/relative-time';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { Tag } from '@/components/ui/tag';
import { RunRefs } from './run-refs';

/**
 * The event feed. The type cell is the row's link (keyboard users tab to it); a click anywhere
 * else on the row goes to the same place for mouse users.
 */
export function EventsTable({ events, compact }: { events: EventSummary[]; compact?: boolean }) {
  const router = useRouter();
  return (
    <Table aria-label="Events">
      <THead>
        <tr>
          <TH className="w-28">Received</TH>
          <TH>Source</TH>
          <TH>Type</TH>
          {!compact && <TH>Delivery</TH>}
          <TH>Runs</TH>
        </tr>
      </THead>
      <TBody>
        {events.map((e) => (
          <TR
            key={e.id}
            data-testid="event-row"
            data-event-id={e.id}
            className="cursor-pointer"
            onClick={(ev) => {
              if ((ev.target as HTMLElement).closest('a,button')) return;
              router.push(`/events/${e.id}`);
            }}
          >
            <TD className="whitespace-nowrap text-muted">
              <RelativeTime iso={e.receivedAt} />
            </TD>
            <TD className="font-mono text-xs">{e.source}</TD>
            <TD>
              <div className="flex items-center gap-2">
                <Link href={`/events/${e.id}`} className="font-mono text-xs font-medium hover:text-accent hover:underline">
                  {e.type}
                </Link>
                {!e.registered && (
                  <Tag tone="warning" title="This event type is not in the registry yet">
                    unregistered
                  </Tag>
                )}
              </div>
            </TD>
            {!compact && (
              <TD className="max-w-48 truncate font-mono text-xs text-muted" title={e.deliveryId ?? undefined}>
                {e.deliveryId ?? '—'}
              </TD>
            )}
            <TD>
              <RunRefs runs={e.runs} compact={compact} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
