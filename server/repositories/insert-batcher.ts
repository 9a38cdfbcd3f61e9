// Group commit for the intake's INSERT (event-insert.ts). At most MAX_IN_FLIGHT statements run at
// once; a delivery that arrives while they are busy waits for the next one, which then carries
// every delivery that waited (up to MAX_ROWS rows and MAX_BYTES of bodies). At low load nothing
// waits: a lone delivery is its own statement, as before. Under load one round trip and one
// durable commit serve a whole batch, and each caller is answered when its statement commits.
// One caller's row that Postgres refuses as such (a data error) must not refuse its neighbours:
// such a batch is retried one caller at a time. A Postgres that cannot be reached fails the batch
// at once, so the intake still answers 503 within its budget.
import type { InsertedEvent, NewEvent, NewType } from './event-insert';
import { newCuid } from './cuid';

const MAX_IN_FLIGHT = 4;
const MAX_ROWS = 200;
const MAX_BYTES = 4 * 1024 * 1024;

type Row = NewEvent & { id: string };
type Insert = (rows: Row[], newTypes: NewType[]) => Promise<InsertedEvent[]>;
type Waiting = { rows: Row[]; newTypes: NewType[]; bytes: number; resolve: (r: InsertedEvent[]) => void; reject: (e: unknown) => void };

/** SQLSTATE classes 22 (data), 23 (constraint) and 42 (syntax): the same rows fail the same way. */
function isDataError(err: unknown): boolean {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; code?: unknown })?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^(22|23|42)[0-9A-Z]{3}$/.test(code);
}

export class InsertBatcher {
  private readonly waiting: Waiting[] = [];
  private inFlight = 0;
  /** Statements sent and deliveries they carried, for tests and the bench. */
  readonly stats = { statements: 0, deliveries: 0, largest: 0 };

  constructor(private readonly insert: Insert) {}

  add(events: NewEvent[], newTypes: NewType[]): Promise<InsertedEvent[]> {
    // Ids are made here, so each caller finds its own rows in a shared statement's result.
    const rows = events.map((e) => ({ ...e, id: newCuid() }));
    const bytes = rows.reduce((n, r) => n + r.body.length, 0);
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, newTypes, bytes, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.inFlight < MAX_IN_FLIGHT && this.waiting.length > 0) {
      const batch = this.take();
      this.inFlight++;
      void this.send(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  /** The first waiting caller, and those after it while the batch stays under its caps. */
  private take(): Waiting[] {
    const batch = [this.waiting.shift()!];
    let rows = batch[0].rows.length;
    let bytes = batch[0].bytes;
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      if (rows + next.rows.length > MAX_ROWS || bytes + next.bytes > MAX_BYTES) break;
      batch.push(this.waiting.shift()!);
      rows += next.rows.length;
      bytes += next.bytes;
    }
    return batch;
  }

  private async send(batch: Waiting[]): Promise<void> {
    this.stats.statements++;
    this.stats.deliveries += batch.length;
    this.stats.largest = Math.max(this.stats.largest, batch.length);
    if (batch.length === 1) return this.alone(batch[0]);
    let inserted: InsertedEvent[];
    try {
      // A type two callers both name is remembered once (ON CONFLICT would allow it, but one row per key is clearer).
      const types = [...new Map(batch.flatMap((w) => w.newTypes).map((t) => [`${t.sourceKey}\u0000${t.type}`, t])).values()];
      inserted = await this.insert(batch.flatMap((w) => w.rows), types);
    } catch (err) {
      if (!isDataError(err)) {
        for (const w of batch) w.reject(err);
        return;
      }
      await Promise.all(batch.map((w) => this.alone(w)));
      return;
    }
    const byId = new Map(inserted.map((r) => [r.id, r]));
    for (const w of batch) w.resolve(w.rows.flatMap((r) => byId.get(r.id) ?? []));
  }

  private async alone(w: Waiting): Promise<void> {
    try {
      w.resolve(await this.insert(w.rows, w.newTypes));
    } catch (err) {
      w.reject(err);
    }
  }
}
