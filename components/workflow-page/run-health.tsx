'use client';

// How the workflow is doing: success rate and median duration over the last 50 runs (the runs
// list's page size, said on screen), and the most recent runs with outcome and duration.
import Link from 'next/link';
import { runStats } from '@/engine/docs/run-stats';
import type { RunSummary } from '@/engine/dto/runs';
import { formatDuration } from '@/lib/format';
import { withQuery } from '@/lib/api';
import { RunDuration } from '@/components/runs/run-duration';
import { Card, CardHeader } from '@/components/ui/card';
import { RelativeTime } from '@/components/ui/relative-time';
import { StatusBadge } from '@/components/ui/status-badge';
import { Table, TBody, TD, TH, THead } from '@/components/ui/table';

const SHOWN = 8;

export function RunHealth({ name, runs, window }: { name: string; runs: RunSummary[]; window: number }) {
  const stats = runStats(runs);
  const rate = stats.successRate === null ? '—' : `${Math.round(stats.successRate * 100)}%`;
  return (
    <Card data-testid="run-health">
      <CardHeader
        title="Recent runs"
        description={runs.length === 0 ? 'None yet.' : runs.length < window ? `All ${runs.length} runs so far.` : `Figures over the last ${window} runs.`}
        actions={<Link className="text-xs text-accent hover:underline" href={withQuery('/runs', { workflow: name })}>All runs</Link>}
      />
      <dl className="grid grid-cols-3 gap-3 border-b border-border px-4 py-3 text-sm">
        <div>
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">Success rate</dt>
          <dd className="text-lg font-semibold" data-testid="success-rate">{rate}</dd>
          <dd className="text-xs text-muted">{stats.succeeded} succeeded, {stats.failed} failed{stats.cancelled ? `, ${stats.cancelled} cancelled (not counted)` : ''}</dd>
        </div>
        <div>
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">Median duration</dt>
          <dd className="text-lg font-semibold">{formatDuration(stats.medianDurationMs)}</dd>
          <dd className="text-xs text-muted">of finished runs</dd>
        </div>
        <div>
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">In progress</dt>
          <dd className="text-lg font-semibold">{stats.active}</dd>
        </div>
      </dl>
      {runs.length === 0 ? (
        <p className="px-4 py-3 text-sm text-muted">No runs yet: it runs when its trigger event arrives.</p>
      ) : (
        <Table>
          <THead>
            <tr><TH>Run</TH><TH>Outcome</TH><TH>Started</TH><TH>Duration</TH><TH>Event</TH></tr>
          </THead>
          <TBody>
            {runs.slice(0, SHOWN).map((r) => (
              <tr key={r.id} data-testid="workflow-run">
                <TD><Link className="font-mono text-accent hover:underline" href={`/runs/${r.id}`}>#{r.number}</Link> <span className="text-xs text-muted">v{r.workflow.version}</span></TD>
                <TD><StatusBadge status={r.status} /></TD>
                <TD><RelativeTime iso={r.startedAt ?? r.createdAt} /></TD>
                <TD><RunDuration start={r.startedAt} end={r.finishedAt} className="font-mono text-xs" /></TD>
                <TD className="font-mono text-xs text-muted">{r.event.source} / {r.event.type}</TD>
              </tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
