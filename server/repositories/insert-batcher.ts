// Group commit for the intake's INSERT (event-insert.ts). At most MAX_IN_FLIGHT statements run at
// once; a delivery that arrives while they are busy waits for the next one, which then carries
// every delivery that waited (up to MAX_ROWS rows and MAX_BYTES of bodies). At low load nothing
// waits: a lone delivery is its own statement, as before. Under load one round trip and one
// durable commit serve a whole batch, and each caller is answered when its statement commits.
// One caller's row that Postgres refuses as such (a data error), or a deadlock with another batch,
// must not refuse its neighbours: such a batch is retried one caller at a time (four at once).
// A stalled Postgres must not make callers queue past the intake's budget (503 within 2 s): a
// caller waits at most MAX_WAIT_MS for a statement to carry it, and when a statement fails because
// Postgres cannot answer, everyone still waiting is refused at once; neither was sent, so refusing
// them loses nothing (the sender retries). Rows are sorted by key inside a statement, so two
// batches never wait on each other's unique keys in opposite orders.
import type { InsertedEvent, NewEvent, NewType } from './event-insert';
import { newCuid } from './cuid';

const MAX_IN_FLIGHT = 4;
const MAX_ROWS = 200;
const MAX_BYTES = 4 * 1024 * 1024;
/** Longest a caller waits for a statement slot; the statement then has the query timeout (1.5 s). */
const MAX_WAIT_MS = 400;
/** Callers waiting beyond this are refused at once (Postgres is not keeping up). */
const MAX_WAITING = 5_000;

type Row = NewEvent & { id: string };
type Insert = (rows: Row[], newTypes: NewType[]) => Promise<InsertedEvent[]>;
type Waiting = {
  rows: Row[]; newTypes: NewType[]; bytes: number; resolve: (r: InsertedEvent[]) => void; reject: (e: unknown) => void; timer?: NodeJS.Timeout;
};

/** SQLSTATE 53300 (class 53, insufficient resources): the intake answers 503 with Retry-After. */
const busy = (why: string) => Object.assign(new Error(`database busy: ${why}`), { code: '53300' });

function sqlState(err: unknown): string | undefined {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } }; code?: unknown })?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? (err as { code?: unknown })?.code;
  return typeof code === 'string' ? code : undefined;
}
/** Classes 22 (data), 23 (constraint), 42 (syntax), and 40P01 (deadlock): worth one try alone. */
const retryAlone = (err: unknown) => /^(22|23|42)[0-9A-Z]{3}$|^40P01$/.test(sqlState(err) ?? '');

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
      if (this.waiting.length >= MAX_WAITING) return reject(busy(`${this.waiting.length} deliveries are waiting for the database`));
      const w: Waiting = { rows, newTypes, bytes, resolve, reject };
      this.waiting.push(w);
      this.pump();
      // pump() takes from the front, and `w` was pushed last: still waiting iff it is still last.
      if (this.waiting.at(-1) === w) {
        w.timer = setTimeout(() => {
          const i = this.waiting.indexOf(w);
          if (i >= 0) this.waiting.splice(i, 1);
          w.reject(busy(`no statement slot within ${MAX_WAIT_MS} ms`));
        }, MAX_WAIT_MS);
      }
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
    clearTimeout(batch[0].timer);
    let rows = batch[0].rows.length;
    let bytes = batch[0].bytes;
    while (this.waiting.length > 0) {
      const next = this.waiting[0];
      if (rows + next.rows.length > MAX_ROWS || bytes + next.bytes > MAX_BYTES) break;
      clearTimeout(next.timer);
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
      if (!retryAlone(err)) return this.failAll(batch, err);
      // Four at a time, like the batches themselves, so the retries cannot drain the pool.
      for (let i = 0; i < batch.length; i += MAX_IN_FLIGHT) await Promise.all(batch.slice(i, i + MAX_IN_FLIGHT).map((w) => this.alone(w)));
      return;
    }
    const byId = new Map(inserted.map((r) => [r.id, r]));
    for (const w of batch) w.resolve(w.rows.flatMap((r) => byId.get(r.id) ?? []));
  }

  private async alone(w: Waiting): Promise<void> {
    try {
      w.resolve(await this.insert(w.rows, w.newTypes));
    } catch (err) {
      if (retryAlone(err)) return w.reject(err);
      this.failAll([w], err);
    }
  }

  /** Postgres cannot answer: `batch` fails with the error, and so does everyone still waiting. */
  private failAll(batch: Waiting[], err: unknown): void {
    for (const w of batch) w.reject(err);
    for (const w of this.waiting.splice(0)) {
      clearTimeout(w.timer);
      w.reject(err);
    }
  }
}
