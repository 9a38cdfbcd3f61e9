// Words for trains and stations, shared by the pre-flight panel, 409 answers and the CLI.
import type { StationDefinition } from './pipeline-schema';

/** "workflow release-cut" or "event jenkins / build-finished". */
export function reachedByText(s: Pick<StationDefinition, 'reachedBy'>): string {
  return 'workflow' in s.reachedBy ? `workflow ${s.reachedBy.workflow}` : `event ${s.reachedBy.event.source} / ${s.reachedBy.event.type}`;
}

/** `2026-12-01 10:42 UTC`: an absolute time that reads the same for everyone, in a log or a 409. */
export function formatWhen(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `2 h 5 min`, `3 min`, `less than a minute`. */
export function formatDuration(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [days && `${days} d`, hours && `${hours} h`, mins && `${mins} min`].filter(Boolean).join(' ');
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : Math.round((s[mid - 1] + s[mid]) / 2);
}
