// A running step holds a lease that its worker extends while the handler runs. A worker killed
// with -9 stops extending it; once it expires the reconciler hands the step to another worker
// with the same attempt number (so the same idempotency key: no repeated side effects).
// The heartbeat also notices a cancelled run and aborts the handler.
import { db } from '../db/client';
import { env } from '../env';

export const leaseMs = () => env().RAILYARD_STEP_LEASE_MS;
export const leaseUntil = () => new Date(Date.now() + leaseMs());

export function startHeartbeat(stepRunId: string, runId: string, controller: AbortController): () => void {
  const beat = async () => {
    try {
      const [, run] = await Promise.all([
        db().stepRun.updateMany({ where: { id: stepRunId, status: 'running' }, data: { leaseUntil: leaseUntil() } }),
        db().run.findUnique({ where: { id: runId }, select: { status: true } }),
      ]);
      if (run?.status === 'cancelled') controller.abort(new Error('run cancelled'));
    } catch (err) {
      console.warn(`[lease] heartbeat failed: ${(err as Error).message}`);
    }
  };
  const timer = setInterval(() => void beat(), Math.max(250, Math.floor(leaseMs() / 3)));
  return () => clearInterval(timer);
}
