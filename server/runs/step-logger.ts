// Step log lines: buffered briefly, then appended to the row (jsonb concatenation, so concurrent
// flushes never overwrite each other) and published live, so a browser sees shell output as it
// is produced and a crash loses at most the last fraction of a second. With a fence, lines are
// written only while this attempt's lease owner still holds the step (not after a takeover).
import type { LogLine } from '@/engine/dto/runs';
import { db } from '../db/client';
import { publishLive } from '../live/stream';

const FLUSH_MS = 200;
const MAX_LINE = 4_000;

export class StepLogger {
  private pending: LogLine[] = [];
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly stepRunId: string,
    private readonly runId: string,
    private readonly stepId: string,
    private readonly redact: (text: string) => string = (t) => t,
    private readonly fence?: { attempt: number; owner: string },
  ) {}

  readonly log = (level: LogLine['level'], message: string): void => {
    const text = this.redact(message.length > MAX_LINE ? `${message.slice(0, MAX_LINE)}…` : message);
    this.pending.push({ at: new Date().toISOString(), level, message: text });
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  };

  /** Writes what is buffered; calls are serialised so lines stay in order. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const lines = this.pending;
    this.pending = [];
    if (lines.length === 0) return this.chain;
    this.chain = this.chain.then(async () => {
      try {
        const written = this.fence
          ? await db().$executeRaw`UPDATE "StepRun" SET logs = logs || ${JSON.stringify(lines)}::jsonb
              WHERE id = ${this.stepRunId} AND attempt = ${this.fence.attempt} AND "leaseOwner" = ${this.fence.owner}`
          : await db().$executeRaw`UPDATE "StepRun" SET logs = logs || ${JSON.stringify(lines)}::jsonb WHERE id = ${this.stepRunId}`;
        if (written === 0) return; // no longer ours: the worker that took over writes its own lines
        await publishLive({ kind: 'log', runId: this.runId, stepId: this.stepId, lines });
      } catch (err) {
        console.warn(`[logs] ${this.stepId}: ${(err as Error).message}`);
      }
    });
    return this.chain;
  }
}
