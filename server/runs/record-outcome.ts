// Recording an attempt's outcome is kept apart from running it. Once a handler has returned, its
// result is written with bounded retries on the database, and a failure to write it never turns
// into a failure of the step (that would retry the step and repeat a side effect that happened).
// If Postgres stays unreachable through every try, the step is left `running` under its lease:
// once the lease expires, the reconciler hands the SAME attempt (same idempotency key) to a worker.

/** Tries and first pause; the pause doubles: 0.5 + 1 + 2 + 4 s, about 10 s with the tries. */
export const RECORD_TRIES = 5;
const FIRST_PAUSE_MS = 500;

export type Recorded = 'recorded' | 'not-held' | 'unrecorded';

/** The SQLSTATE of a Postgres error as Prisma's pg adapter reports it, if any. */
function sqlState(err: unknown): string | undefined {
  const meta = (err as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } })?.meta;
  const code = meta?.driverAdapterError?.cause?.originalCode ?? (err as { code?: unknown })?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** Data exceptions, constraint violations, bad SQL: the same write fails the same way every time. */
export const isPermanentDbError = (err: unknown) => /^(22|23|42)/.test(sqlState(err) ?? '');

/**
 * Runs a fenced write until it succeeds. `write` resolves true when it wrote, false when the fence
 * no longer matches (taken over, or an earlier try committed although its answer was lost).
 */
export async function recordWithRetries(
  what: string,
  write: () => Promise<boolean>,
  opts: { tries?: number; firstPauseMs?: number } = {},
): Promise<{ result: Recorded; error?: unknown }> {
  const tries = opts.tries ?? RECORD_TRIES;
  let pause = opts.firstPauseMs ?? FIRST_PAUSE_MS;
  let last: unknown;
  for (let i = 1; i <= tries; i++) {
    try {
      return { result: (await write()) ? 'recorded' : 'not-held' };
    } catch (err) {
      last = err;
      if (isPermanentDbError(err)) break;
      console.warn(`[record] ${what}: try ${i} of ${tries} failed: ${(err as Error).message.split('\n').filter(Boolean).pop()}`);
      if (i < tries) await new Promise((r) => setTimeout(r, pause));
      pause *= 2;
    }
  }
  return { result: 'unrecorded', error: last };
}
