'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { RunSummary } from '@/engine/dto/runs';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, TBody, TD, TH, THead, TR } from '@/components/ui/table';
import { RunDuration } from './run-duration';

/** Runs, newest first. Rows carry data-testid="run-row" and data-status for end-to-end tests. */
export function RunsTable({ runs, compact }: { runs: RunSummary[]; compact?: boolean }) {
  const router = useRouter();
  return (
    <Table aria-label="Runs">
      <THead>
        <tr>
          <TH className="w-16">Run</TH>
          <TH>Workflow</TH>
          <TH>Status</TH>
          {!compact && <TH>Event</TH>}
          <TH>Started</TH>
          <TH className="text-right">Duration</TH>
        </tr>
      </THead>
      <TBody>
        {runs.map((r) => (
          <TR
            key={r.id}
            data-testid="run-row"
            data-run-id={r.id}
            data-status={r.status}
            className="cursor-pointer"
            onClick={(ev) => {
              if ((ev.target as HTMLElement).closest('a,button')) return;
              router.push(`/runs/${r.id}`);
            }}
          >
            <TD>
              <Link href={`/runs/${r.id}`} className="font-mono text-xs font-medium hover:text-accent hover:underline">
                #{r.number}
              </Link>
            </TD>
            <TD>
              <span className="font-medium">{r.workflow.name}</span>
              <span className="font-mono text-xs text-subtle">@v{r.workflow.version}</span>
            </TD>
            <TD>
              <StatusBadge status={r.status} />
            </TD>
            {!compact && (
              <TD>
                <Link href={`/events/${r.event.id}`} className="font-mono text-xs text-muted hover:text-accent hover:underline">
                  {r.event.source} / {r.event.type}
                </Link>
              </TD>
            )}
            <TD className="whitespace-nowrap text-muted">
              <RelativeTime iso={r.startedAt ?? r.createdAt} />
            </TD>
            <TD className="text-right font-mono text-xs tabular-nums text-muted">
              <RunDuration start={r.startedAt} end={r.finishedAt} />
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
