// Redis can be lost without losing work: whatever the database says is due (unprocessed events,
// queued steps, overdue waits, steps whose worker died) is enqueued again. Deterministic job ids
// make repeats no-ops, and the executor's conditional claim ignores jobs that are no longer due.
import { enqueueDue } from '../queue/enqueue';
import { findUnprocessedEvents } from '../repositories/events';
import { findDueSteps } from '../repositories/runs';
import { catchUpTrains } from './advance-train';

export async function reconcileDueWork(opts: { graceMs?: number; batch?: number } = {}) {
  const cutoff = new Date(Date.now() - (opts.graceMs ?? 5_000));
  const batch = opts.batch ?? 500;
  const events = await findUnprocessedEvents(cutoff, batch);
  const steps = await findDueSteps(cutoff, batch);
  const due = [
    ...events.map((e) => enqueueDue('event.process', { eventId: e.id })),
    ...steps.map((s) =>
      enqueueDue('step.run', {
        stepRunId: s.id,
        runId: s.runId,
        stepId: s.stepId,
        attempt: s.attempt,
        wake: s.status === 'waiting',
        tag: s.status === 'running' ? `recover-${s.leaseUntil?.getTime()}` : s.status === 'waiting' ? 'overdue' : undefined,
      }),
    ),
  ];
  const failures = (await Promise.allSettled(due)).filter((r) => r.status === 'rejected');
  if (failures.length > 0) console.warn(`[reconciler] ${failures.length} re-enqueues failed; next pass retries`);
  // Trains whose station missed a finished run (worker died between the run's commit and the advance).
  await catchUpTrains(cutoff).catch((err) => console.warn(`[reconciler] trains not caught up: ${(err as Error).message}`));
  return { events: events.length, steps: steps.length };
}
