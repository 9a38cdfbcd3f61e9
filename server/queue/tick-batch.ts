// Commands that may wait for the end of the event loop's turn, so that every job in a worker that
// published in that turn shares one pipeline (one socket write, one wake-up of Redis). On the
// step-throughput bench the worker's live publishes were a fifth of its busy time, most of it
// one pipeline per transition (profiled with 20 jobs in flight).
//
// Order is what makes deferral safe: a caller that publishes and then enqueues a successor relies
// on Redis running the XADDs before the job's script. Every enqueue in enqueue.ts therefore calls
// flushDeferred() first, which writes the pending pipeline at once, ahead of its own commands on
// the same connection.
import type { ChainableCommander, Redis } from 'ioredis';

type Batch = { redis: Redis; pipeline: ChainableCommander; done: Promise<unknown>; settle: (exec: Promise<unknown>) => void };

let pending: Batch | null = null;

export type CommandResult = [Error | null, unknown];

/**
 * Adds commands to this turn's pipeline on `redis` and resolves, when Redis answered, with the
 * results of this caller's commands (each [error, reply], as exec gives them; like any pipeline it
 * rejects only when the connection fails). `add` must not throw: build what it writes first.
 */
export function deferCommands(redis: Redis, add: (pipeline: ChainableCommander) => void): Promise<CommandResult[]> {
  if (pending && pending.redis !== redis) flushDeferred(); // the shared connection was replaced
  if (!pending) {
    let settle!: Batch['settle'];
    const done = new Promise<unknown>((resolve, reject) => (settle = (exec) => exec.then(resolve, reject)));
    const batch: Batch = { redis, pipeline: redis.pipeline(), done, settle };
    pending = batch;
    setImmediate(() => { if (pending === batch) flushDeferred(); });
  }
  const { pipeline, done } = pending;
  const from = pipeline.length;
  add(pipeline);
  const to = pipeline.length;
  return done.then((results) => ((results as CommandResult[] | null) ?? []).slice(from, to));
}

/** Writes the pending pipeline now: its commands reach Redis before any issued after this call. */
export function flushDeferred(): void {
  const batch = pending;
  if (!batch) return;
  pending = null;
  // exec() writes the commands synchronously, ahead of whatever the caller issues next.
  batch.settle(batch.pipeline.exec());
}
