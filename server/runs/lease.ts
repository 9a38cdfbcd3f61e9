// A running step holds a lease that its worker extends while the handler runs. A worker killed
// with -9 stops extending it; once it expires the reconciler hands the step to another worker
// with the same attempt number (so the same idempotency key: no repeated side effects).
// Every write a worker makes to a step it runs is fenced: it names the attempt and the lease
// owner it claimed with, so a worker that lost its lease (paused, partitioned, then back) writes
// nothing over the worker that took over. The heartbeat notices a lost lease or a cancelled run
// and aborts the handler.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import { env } from '../env';
import { renewLeaseRow } from '../repositories/step-transition';

export const leaseMs = () => env().RAILYARD_STEP_LEASE_MS;
export const leaseUntil = () => new Date(Date.now() + leaseMs());

/** Random per process start: two workers (or one restarted) never share it. */
export const WORKER_INSTANCE_ID = `${os.hostname()}-${process.pid}-${randomBytes(4).toString('hex')}`;
let claims = 0;
/** One owner token per claim, so even two jobs of one process for the same step are told apart. */
export const newLeaseOwner = () => `${WORKER_INSTANCE_ID}.${++claims}`;

/** What a worker holds while it runs one attempt of a step. */
export type Fence = { stepRunId: string; attempt: number; owner: string };

/** The WHERE clause of every write made under a lease. */
export const heldBy = (f: Fence) => ({ id: f.stepRunId, status: 'running', attempt: f.attempt, leaseOwner: f.owner });

/** Why a handler was aborted; the executor decides what to record from it. */
export class LeaseLostError extends Error {
  constructor() {
    super('lease lost: another worker took this step over');
  }
}
export class ShutdownError extends Error {
  constructor() {
    super('worker shutting down');
  }
}

/** Extends the lease; false when the fence no longer matches (taken over, settled or cancelled). */
export async function renewLease(fence: Fence): Promise<boolean> {
  return (await renewLeaseRow(fence, null, leaseUntil())).held;
}

export function startHeartbeat(fence: Fence, runId: string, controller: AbortController): () => void {
  const beat = async () => {
    try {
      // One statement: the renewal and the run's status (a cancel aborts the handler).
      const { held, runStatus } = await renewLeaseRow(fence, runId, leaseUntil());
      if (runStatus === 'cancelled') controller.abort(new Error('run cancelled'));
      else if (!held) controller.abort(new LeaseLostError());
    } catch (err) {
      // Postgres unreachable: keep beating; the lease only expires if this lasts longer than it.
      console.warn(`[lease] heartbeat failed: ${(err as Error).message}`);
    }
  };
  const timer = setInterval(() => void beat(), Math.max(250, Math.floor(leaseMs() / 3)));
  return () => clearInterval(timer);
}
