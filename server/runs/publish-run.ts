import type { LiveMessage } from '@/engine/dto/live';
import { toLiveStep } from '@/engine/live/shape-messages';
import { toRunSummary, toStepRunDto } from '../dto/map-runs';
import { env } from '../env';
import { publishLive } from '../live/stream';
import { findRun, type RunWithContext } from '../repositories/runs';
import { publishEventSummaries } from '../use-cases/publish-event';
import { definitionOf } from './context';

/**
 * Publishes the run's summary and the given steps (all when omitted), reading the committed
 * state, so what browsers see is always what the database says.
 */
export async function publishRun(
  runId: string,
  stepIds?: string[],
  opts: { withEvent?: boolean; loaded?: RunWithContext } = {},
): Promise<void> {
  try {
    // `loaded`: the caller has just read the committed state; no need to read it again.
    const run = opts.loaded ?? (await findRun(runId));
    if (!run) return;
    const def = definitionOf(run);
    const steps = run.steps.filter((s) => !stepIds || stepIds.includes(s.stepId));
    const messages: LiveMessage[] = [
      // Without logs (they travel as deltas) and under the message cap.
      ...steps.map((s) => ({ kind: 'step' as const, runId, step: toLiveStep(toStepRunDto(s, def), env().RAILYARD_LIVE_MESSAGE_MAX_BYTES) })),
      { kind: 'run', run: toRunSummary(run) },
    ];
    await publishLive(...messages);
    if (opts.withEvent) await publishEventSummaries([run.eventId]);
  } catch (err) {
    console.warn(`[live] run ${runId} not published: ${(err as Error).message}`);
  }
}
