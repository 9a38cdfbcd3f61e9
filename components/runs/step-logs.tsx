import type { LogLine } from '@/engine/dto/runs';
import { cn } from '@/lib/cn';

const LEVEL: Record<LogLine['level'], string> = {
  info: 'text-muted',
  warn: 'text-warning',
  error: 'text-danger',
};

/** Step log lines, oldest first, with the time of day for correlating with other systems. */
export function StepLogs({ logs }: { logs: LogLine[] }) {
  if (logs.length === 0) return <p className="text-xs text-muted">No log lines.</p>;
  return (
    <ol
      tabIndex={0}
      aria-label="Log lines"
      className="max-h-72 overflow-auto rounded-md border border-border bg-surface-2 p-2 font-mono text-[11px] leading-5"
    >
      {logs.map((l, i) => (
        <li key={i} className="grid grid-cols-[auto_auto_1fr] gap-2">
          <time dateTime={l.at} className="text-subtle">
            {new Date(l.at).toLocaleTimeString(undefined, { hour12: false })}
          </time>
          <span className={cn('w-10 uppercase', LEVEL[l.level])}>{l.level}</span>
          <span className="break-words whitespace-pre-wrap">{l.message}</span>
        </li>
      ))}
    </ol>
  );
}
