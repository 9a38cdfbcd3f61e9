// Redis can be lost without losing work: whatever the database says is due (unprocessed events,
// queued steps, overdue waits) is enqueued again. Deterministic job ids make repeats no-ops, and
// the executor's conditional claim ignores jobs that are no longer due.
import { enqueueSafely } from '../queue/enqueue';
import { findUnprocessedEvents } from '../repositories/events';
import { findDueSteps } from '../repositories/runs';

export async function reconcileDueWork(opts: { graceMs?: number; batch?: number } = {}) {
  const cutoff = new Date(Date.now() - (opts.graceMs ?? 5_000));
  const batch = opts.batch ?? 500;
  const events = await findUnprocessedEvents(cutoff, batch);
  const steps = await findDueSteps(cutoff, batch);
  await enqueueSafely('event.process', events.map((e) => ({ eventId: e.id })));
  await enqueueSafely(
    'step.run',
    steps.map((s) => ({
      stepRunId: s.id,
      runId: s.runId,
      stepId: s.stepId,
      attempt: s.attempt,
      wake: s.status === 'waiting',
      recover: s.status === 'running' ? s.leaseUntil?.getTime() : undefined,
    })),
  );
  return { events: events.length, steps: steps.length };
}
