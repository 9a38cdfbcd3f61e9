// The hooks the hot paths call: after an event is processed, after a run reaches a terminal state.
// Each costs one indexed probe when nobody listens and never throws: a notification must not
// fail the event or the step that caused it. The work itself is a notify.match job.
import type { Event } from '../db/generated/client';
import { enqueueSafely } from '../queue/enqueue';
import { anyListening, anyListeningToRun } from '../repositories/subscriptions';
import { isTrainEvent } from './subjects';

/** Event-type subscriptions, and pipeline subscriptions for Railyard's own train events. */
export async function notifyAfterEvent(e: Event): Promise<void> {
  try {
    const keys = [`event-type:${e.sourceKey}/${e.type}`];
    // Only for the probe: the matcher reads the pipeline from the train row.
    const pipeline = isTrainEvent(e) ? (e.payload as { pipeline?: { key?: unknown } } | null)?.pipeline?.key : undefined;
    if (typeof pipeline === 'string') keys.push(`pipeline:${pipeline}`);
    if (!(await anyListening(keys))) return;
    await enqueueSafely('notify.match', [{ subject: 'event', id: e.id }]);
  } catch (err) {
    console.warn(`[notify] event ${e.id}: ${(err as Error).message}`);
  }
}

/** Workflow subscriptions, once the run succeeded, failed or was cancelled. */
export async function notifyAfterRun(runId: string): Promise<void> {
  try {
    if (!(await anyListeningToRun(runId))) return;
    await enqueueSafely('notify.match', [{ subject: 'run', id: runId }]);
  } catch (err) {
    console.warn(`[notify] run ${runId}: ${(err as Error).message}`);
  }
}
