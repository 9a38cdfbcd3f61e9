// How much of a step's log is kept: the first half of the budget as lines arrive (the head), then
// only the most recent lines (the tail), with one marker between them saying how much was dropped.
// A build that prints a gigabyte keeps its start (where the setup is) and its end (where the error
// is), and costs the database, the live stream and the browser at most the budget.
import type { LogLine } from '../dto/runs';

export type LogLimits = { maxBytes: number; maxLines: number };

/** UTF-8 length without Buffer (engine/ stays free of Node APIs). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) (n += 4), i++; // a surrogate pair is one 4-byte character
    else n += 3;
  }
  return n;
}

// The JSON around a message (time stamp, level, quotes) counted as part of its cost.
const lineCost = (l: LogLine) => utf8Length(l.message) + 60;

export class LogBudget {
  private headBytes: number;
  private headLines: number;
  private kept = 0;
  private tail: LogLine[] | null = null;
  private tailCost = 0;
  private dirty = false;
  readonly dropped = { lines: 0, bytes: 0 };

  constructor(private readonly limits: LogLimits) {
    this.headBytes = Math.floor(limits.maxBytes / 2);
    this.headLines = Math.floor(limits.maxLines / 2);
  }

  /** 'head' when the line belongs to the head (write it as is); 'tail' when it went to the tail. */
  add(line: LogLine): 'head' | 'tail' {
    const cost = lineCost(line);
    if (!this.tail && cost <= this.headBytes && this.headLines > 0) {
      this.headBytes -= cost;
      this.headLines--;
      this.kept++;
      return 'head';
    }
    this.tail ??= [];
    this.tail.push(line);
    this.tailCost += cost;
    const maxBytes = this.limits.maxBytes - Math.floor(this.limits.maxBytes / 2);
    const maxLines = Math.max(1, this.limits.maxLines - Math.floor(this.limits.maxLines / 2));
    // Always keep the newest line, even alone over budget (lines are capped in length upstream).
    while (this.tail.length > 1 && (this.tailCost > maxBytes || this.tail.length > maxLines)) {
      const gone = this.tail.shift()!;
      this.tailCost -= lineCost(gone);
      this.dropped.lines++;
      this.dropped.bytes += utf8Length(gone.message);
    }
    this.dirty = true;
    return 'tail';
  }

  get inTail(): boolean {
    return this.tail !== null;
  }

  /** When the tail changed since the last call: the marker line and the tail, which together
   *  replace everything after the head. */
  takeTail(now: Date): LogLine[] | null {
    if (!this.tail || !this.dirty) return null;
    this.dirty = false;
    const message =
      `… log limit reached (${this.limits.maxLines} lines / ${this.limits.maxBytes} bytes per step): ` +
      `${this.dropped.lines} lines (${this.dropped.bytes} bytes) dropped here; ` +
      `the first ${this.kept} lines and the last ${this.tail.length} are kept`;
    return [{ at: now.toISOString(), level: 'warn', message }, ...this.tail];
  }
}
