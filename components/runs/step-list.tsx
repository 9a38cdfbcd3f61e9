'use client';

import type { StepRunDto } from '@/engine/dto/runs';
import { cn } from '@/lib/cn';
import { StatusBadge } from '@/components/ui/status-badge';
import { RunDuration } from './run-duration';
import { waitHeadline } from './wait-text';

const LONG_LIST = 40;

/** The steps as a list: the keyboard- and screen-reader-friendly twin of the graph. */
export function StepList({
  steps,
  selectedId,
  onSelect,
}: {
  steps: StepRunDto[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  // A long list (a large run) lets the browser skip style, layout and paint of the rows off
  // screen: panning a 300-step run's graph kept 54 and 59 fps with it against 41 and 48 without,
  // in interleaved bench:editor runs (software rendering, 2 CPUs).
  const long = steps.length > LONG_LIST;
  return (
    <ul aria-label="Steps" className="divide-y divide-border">
      {steps.map((s) => (
        <li key={s.id} className={long ? '[contain-intrinsic-size:auto_3.25rem] [content-visibility:auto]' : undefined}>
          <button
            type="button"
            aria-pressed={s.id === selectedId}
            data-testid={`step-row-${s.id}`}
            data-status={s.status}
            onClick={() => onSelect(s.id)}
            className={cn(
              'grid w-full grid-cols-[minmax(0,1fr)_auto_4.5rem] items-center gap-3 px-4 py-2 text-left hover:bg-surface-2',
              s.id === selectedId && 'bg-accent-soft hover:bg-accent-soft',
            )}
          >
            <span className="min-w-0">
              <span className="block truncate font-mono text-xs font-medium">{s.id}</span>
              <span className="block truncate text-xs text-muted">
                <span className="font-mono">{s.action}</span>
                {s.needs.length > 0 && <span className="text-subtle"> · needs {s.needs.join(', ')}</span>}
                {s.status === 'waiting' && s.wait && (
                  <span className="text-[var(--st-amber-fg)]"> · waits for {s.wait.kind === 'delay' ? 'a delay' : waitHeadline(s.wait)}</span>
                )}
              </span>
            </span>
            <StatusBadge status={s.status} />
            <RunDuration start={s.startedAt} end={s.finishedAt} className="text-right font-mono text-xs text-muted tabular-nums" />
          </button>
        </li>
      ))}
    </ul>
  );
}
