// Step log lines: buffered briefly, then appended to the row and published live as deltas, so a
// browser sees shell output as it is produced and a crash loses at most the last fraction of a
// second. With a fence, lines are written only while this attempt's lease owner still holds the
// step (not after a takeover). The log kept per attempt is capped (engine/run/log-budget.ts):
// the head is appended as it comes; past it, the marker and the most recent lines are rewritten
// after the head at a slower pace, so a process printing without end costs a bounded row.
import type { LogLine } from '@/engine/dto/runs';
import { logDeltas, tailMessage } from '@/engine/live/shape-messages';
import { LogBudget, type LogLimits } from '@/engine/run/log-budget';
import { env } from '../env';
import { publishLive } from '../live/stream';
import { appendLogLines, replaceLogAfter, type LogFence } from './log-rows';

const FLUSH_MS = 200;
const TAIL_FLUSH_MS = 1_000; // the tail is rewritten whole: not five times a second
const MAX_LINE = 4_000;

export type StepLoggerOptions = { limits?: LogLimits; liveMaxBytes?: number };

export class StepLogger {
  private pending: LogLine[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private readonly budget: LogBudget;
  private readonly liveMaxBytes: number;
  /** Index in the row where the marker sits, once the tail has been written the first time. */
  private markerAt: number | undefined;
  private lost = false;
  /** Resolved inputs not yet written: they travel with the next flush (or the settle). */
  private inputs: { value: unknown } | undefined;

  constructor(
    private readonly stepRunId: string,
    private readonly runId: string,
    private readonly stepId: string,
    private readonly redact: (text: string) => string = (t) => t,
    private readonly fence?: LogFence,
    opts: StepLoggerOptions = {},
  ) {
    const e = opts.limits && opts.liveMaxBytes ? undefined : env();
    this.budget = new LogBudget(opts.limits ?? { maxBytes: e!.RAILYARD_STEP_LOG_MAX_BYTES, maxLines: e!.RAILYARD_STEP_LOG_MAX_LINES });
    this.liveMaxBytes = opts.liveMaxBytes ?? e!.RAILYARD_LIVE_MESSAGE_MAX_BYTES;
  }

  readonly log = (level: LogLine['level'], message: string): void => {
    const text = this.redact(message.length > MAX_LINE ? `${message.slice(0, MAX_LINE)}…` : message);
    const line: LogLine = { at: new Date().toISOString(), level, message: text };
    if (this.budget.add(line) === 'head') this.pending.push(line);
    this.timer ??= setTimeout(() => void this.flush(), this.budget.inTail ? TAIL_FLUSH_MS : FLUSH_MS);
  };

  /** The step's resolved inputs (secrets masked): stored with the next flush, not a write of their own. */
  setInputs(value: unknown): void {
    this.inputs = { value };
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /**
   * The final flush, handed to the settle transaction instead of written here: the buffered head
   * lines and the inputs, once earlier flushes are done. Null when this logger must flush by itself
   * (its log reached the tail, or the step is no longer ours), which it then has done.
   */
  async takeFinal(): Promise<{ lines: LogLine[]; inputs?: unknown } | null> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
    if (this.lost || this.markerAt !== undefined || this.budget.inTail) {
      await this.flush();
      return null;
    }
    const lines = this.pending;
    const inputs = this.inputs;
    this.pending = [];
    this.inputs = undefined;
    return { lines, ...(inputs && { inputs: inputs.value }) };
  }

  /** Writes what is buffered; calls are serialised so lines stay in order. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.pending;
    this.pending = [];
    const inputs = this.inputs;
    this.inputs = undefined;
    const tail = this.budget.takeTail(new Date());
    if (lines.length === 0 && !tail && !inputs) return this.chain;
    this.chain = this.chain.then(async () => {
      if (this.lost) return;
      try {
        const ids = { runId: this.runId, stepId: this.stepId };
        if (lines.length || inputs) {
          const n = await appendLogLines(this.stepRunId, lines, this.fence, inputs?.value);
          if (n === null) return void (this.lost = true); // no longer ours: the worker that took over writes its own lines
          if (lines.length) await publishLive(...logDeltas(ids, n - lines.length, lines, this.liveMaxBytes));
        }
        if (tail) {
          let at = this.markerAt;
          if (at === undefined) {
            const n = await appendLogLines(this.stepRunId, tail, this.fence);
            if (n === null) return void (this.lost = true);
            at = this.markerAt = n - tail.length;
          } else if ((await replaceLogAfter(this.stepRunId, at, tail, this.fence)) === null) {
            return void (this.lost = true);
          }
          await publishLive(tailMessage(ids, at, tail, this.liveMaxBytes));
        }
      } catch (err) {
        console.warn(`[logs] ${this.stepId}: ${(err as Error).message}`);
      }
    });
    return this.chain;
  }
}
