// Live messages of a step transition, built from the rows the transition just wrote or claimed
// (repositories/step-transition.ts), never from a reload: the same DTOs publish-run.ts sends.
import type { LiveMessage } from '@/engine/dto/live';
import type { LogLine } from '@/engine/dto/runs';
import { logDeltas, toLiveStep } from '@/engine/live/shape-messages';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { StepRun } from '../db/generated/client';
import { toRunSummary, toStepRunDto } from '../dto/map-runs';
import { env } from '../env';
import type { RunForSummary } from '../repositories/runs';
import type { RunRow, StepRow } from '../repositories/step-transition';

const maxBytes = () => env().RAILYARD_LIVE_MESSAGE_MAX_BYTES;

export function liveStep(runId: string, row: StepRow, def: WorkflowDefinition): LiveMessage {
  const { logCount, ...rest } = row;
  // Logs travel as deltas: the DTO is built without them and carries only their count.
  const dto = toStepRunDto({ ...rest, runId, logs: [], leaseUntil: null, leaseOwner: null } as unknown as StepRun, def);
  return { kind: 'step', runId, step: { ...toLiveStep(dto, maxBytes()), logCount } };
}

type SummaryRun = Pick<RunRow, 'id' | 'number' | 'status' | 'error' | 'reason' | 'previousRunId' | 'concurrencyKey' | 'createdAt' | 'startedAt' | 'finishedAt' | 'workflowName' | 'version'>;

export function liveRun(run: SummaryRun, event: { id: string; sourceKey: string; type: string }): LiveMessage {
  const r = {
    ...run,
    workflowVersion: { version: run.version, workflow: { name: run.workflowName } },
    event: { id: event.id, sourceKey: event.sourceKey, type: event.type },
  } as unknown as RunForSummary;
  return { kind: 'run', run: toRunSummary(r) };
}

export const liveLogs = (runId: string, stepId: string, offset: number, lines: LogLine[]): LiveMessage[] =>
  logDeltas({ runId, stepId }, offset, lines, maxBytes());
