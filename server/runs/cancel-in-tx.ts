import type { Tx } from '../db/client';

/**
 * Marks a run cancelled and its not-yet-running steps cancelled. Running steps finish or are
 * aborted by their heartbeat (runs/lease.ts), which sees the run's status.
 */
export async function cancelRunInTx(tx: Tx, runId: string, reason: string): Promise<void> {
  const now = new Date();
  await tx.run.update({ where: { id: runId }, data: { status: 'cancelled', error: reason, finishedAt: now } });
  await tx.stepRun.updateMany({
    where: { runId, status: { in: ['pending', 'queued', 'waiting'] } },
    data: { status: 'cancelled', finishedAt: now, leaseUntil: null },
  });
}
