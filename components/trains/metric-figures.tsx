// The four DORA figures (lead time twice: from ready and from first commit), each with the one
// line that says how we count it: tools disagree, so the definition is part of the figure.
import type { PipelineMetrics } from '@/engine/dto/trains';
import { formatDuration as describeDuration } from '@/engine/trains/describe';
import { formatDuration } from '@/lib/format';
import { formatPercent } from './metrics-model';

interface Figure {
  key: keyof PipelineMetrics & string;
  label: string;
  value: string;
  sub?: string;
}

// Seconds matter under an hour; past that, "22 d 3 h" reads better than "531h 00m".
const duration = (ms: number | null) => (ms === null || ms < 3_600_000 ? formatDuration(ms) : describeDuration(ms));

function figures(m: PipelineMetrics): Figure[] {
  return [
    { key: 'deploymentFrequencyPerWeek', label: 'Deployment frequency', value: `${m.deploymentFrequencyPerWeek} / week`, sub: `${m.deployments} in ${m.days} days` },
    { key: 'leadTimeFromReadyMs', label: 'Lead time from ready', value: duration(m.leadTimeFromReadyMs) },
    { key: 'leadTimeFromFirstCommitMs', label: 'Lead time from first commit', value: duration(m.leadTimeFromFirstCommitMs) },
    { key: 'changeFailureRate', label: 'Change failure rate', value: formatPercent(m.changeFailureRate) },
    { key: 'timeToRestoreMs', label: 'Time to restore', value: duration(m.timeToRestoreMs) },
  ];
}

export function MetricFigures({ metrics }: { metrics: PipelineMetrics }) {
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-5">
      {figures(metrics).map((f) => (
        <div key={f.key} data-testid={`metric-${f.key}`} className="rounded-lg border border-border bg-surface p-4 shadow-xs">
          <dt className="text-[11px] font-medium tracking-wide text-muted uppercase">{f.label}</dt>
          <dd className="mt-1">
            <span className="block text-2xl font-semibold whitespace-nowrap tabular-nums">{f.value}</span>
            {f.sub && <span className="block text-xs text-muted">{f.sub}</span>}
            <p className="mt-2 text-xs text-muted" data-testid={`metric-definition-${f.key}`}>
              {metrics.definitions[f.key] ?? ''}
            </p>
          </dd>
        </div>
      ))}
    </dl>
  );
}
