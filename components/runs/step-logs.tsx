'use client';

// Step log lines, oldest first, updating live (lib/live-cache.ts appends `log` messages to the
// cached step). Follows the tail while scrolled to the bottom; scrolling up stops following.
// Shell output can be thousands of lines: only the last MAX_LINES render unless "show all", and
// rows are memoised so an append renders just the new lines.
import { ArrowDownToLine } from 'lucide-react';
import { memo, useLayoutEffect, useRef, useState } from 'react';
import type { LogLine } from '@/engine/dto/runs';
import { cn } from '@/lib/cn';
import { Button } from '@/components/ui/button';

export const MAX_LINES = 2000;
const BOTTOM_SLACK_PX = 24;

const LEVEL: Record<LogLine['level'], string> = {
  info: 'text-subtle',
  warn: 'text-warning',
  error: 'text-danger',
};
const ROW_TONE: Record<LogLine['level'], string> = {
  info: 'text-fg',
  warn: 'bg-[var(--st-amber-bg)] text-warning',
  error: 'bg-[var(--st-red-bg)] text-danger',
};
// One formatter for every row (toLocaleTimeString per line is slow for thousands of lines).
const clock = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

// Two elements per line (thousands of lines stay cheap): a fixed-width "time LEVEL" prefix and the
// message, with a hanging indent so wrapped messages stay clear of the prefix column.
const LogRow = memo(function LogRow({ line }: { line: LogLine }) {
  return (
    <li data-level={line.level} className={cn('-indent-[15ch] pl-[15ch] break-words whitespace-pre-wrap', ROW_TONE[line.level])}>
      <span className={LEVEL[line.level]}>{`${clock.format(new Date(line.at))} ${line.level.toUpperCase().padEnd(5)} `}</span>
      {line.message}
    </li>
  );
});

export function StepLogs({ logs }: { logs: LogLine[] }) {
  const box = useRef<HTMLOListElement>(null);
  const following = useRef(true);
  const [atBottom, setAtBottom] = useState(true);
  const [showAll, setShowAll] = useState(false);
  const start = showAll ? 0 : Math.max(0, logs.length - MAX_LINES);

  // After each render with new lines, stay pinned to the bottom if we were there.
  useLayoutEffect(() => {
    const el = box.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, [logs.length, showAll]);

  const onScroll = () => {
    const el = box.current;
    if (!el) return;
    const bottom = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    following.current = bottom;
    if (bottom !== atBottom) setAtBottom(bottom);
  };
  const jump = () => {
    following.current = true;
    setAtBottom(true);
    if (box.current) box.current.scrollTop = box.current.scrollHeight;
  };

  if (logs.length === 0) return <p className="text-xs text-muted" data-testid="step-logs" data-count={0}>No log lines.</p>;
  return (
    <div className="relative" data-testid="step-logs" data-count={logs.length}>
      {logs.length > MAX_LINES && (
        <p className="mb-1.5 flex items-center justify-between gap-2 text-xs text-muted">
          <span>
            {showAll ? `All ${logs.length.toLocaleString()} lines` : `Last ${MAX_LINES.toLocaleString()} of ${logs.length.toLocaleString()} lines`}
          </span>
          <Button size="sm" variant="ghost" onClick={() => setShowAll((v) => !v)} data-testid="step-logs-toggle">
            {showAll ? `Show last ${MAX_LINES.toLocaleString()}` : 'Show all'}
          </Button>
        </p>
      )}
      <ol
        ref={box}
        tabIndex={0}
        aria-label="Log lines"
        onScroll={onScroll}
        className="max-h-96 overflow-auto rounded-md border border-border bg-surface-2 p-1 font-mono text-[11px] leading-5"
      >
        {logs.slice(start).map((l, i) => (
          // Keyed by absolute position so kept rows survive the window sliding on append.
          <LogRow key={start + i} line={l} />
        ))}
      </ol>
      {!atBottom && (
        <Button size="sm" className="absolute right-3 bottom-2 shadow-md" onClick={jump} data-testid="step-logs-follow">
          <ArrowDownToLine aria-hidden /> Follow
        </Button>
      )}
    </div>
  );
}
