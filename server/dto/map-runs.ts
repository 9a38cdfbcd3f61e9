import type { LogLine, RunDetail, RunSummary, StepRunDto } from '@/engine/dto/runs';
import type { RunStatus, StepStatus } from '@/engine/run/status';
import type { WorkflowDefinition } from '@/engine/workflow/schema';
import type { WaitState } from '@/engine/run/wait';
import type { StepRun } from '../db/generated/client';
import type { RunForSummary, RunWithContext } from '../repositories/runs';

const iso = (d: Date | null) => d?.toISOString() ?? null;

export function toRunSummary(r: RunForSummary | RunWithContext): RunSummary {
  return {
    id: r.id,
    number: r.number,
    status: r.status as RunStatus,
    workflow: { name: r.workflowVersion.workflow.name, version: r.workflowVersion.version },
    event: { id: r.event.id, source: r.event.sourceKey, type: r.event.type },
    error: r.error,
    reason: r.reason as RunSummary['reason'],
    previousRunId: r.previousRunId,
    concurrencyKey: r.concurrencyKey,
    createdAt: r.createdAt.toISOString(),
    startedAt: iso(r.startedAt),
    finishedAt: iso(r.finishedAt),
  };
}

export function toStepRunDto(s: StepRun, def: WorkflowDefinition): StepRunDto {
  const step = def.steps.find((st) => st.id === s.stepId);
  return {
    id: s.stepId,
    action: s.action,
    description: step?.description ?? '',
    needs: step?.needs ?? [],
    status: s.status as StepStatus,
    attempts: s.attempt,
    inputs: s.inputs ?? null,
    outputs: s.outputs ?? null,
    error: s.error,
    logs: s.logs as LogLine[],
    queuedAt: iso(s.queuedAt),
    startedAt: iso(s.startedAt),
    finishedAt: iso(s.finishedAt),
    // A wait with no deadline is stored with a far-future wakeAt; show it as none.
    wakeAt: s.wakeAt && s.wakeAt.getFullYear() < 9000 ? s.wakeAt.toISOString() : null,
    wait: toWaitDto(s.waitFor as WaitState | null),
  };
}

function toWaitDto(w: WaitState | null): StepRunDto['wait'] {
  if (!w) return null;
  const { resolution, ...rest } = w;
  return { ...rest, resolved: resolution !== undefined };
}

type Related = { emitted: { id: string; sourceKey: string; type: string; receivedAt: Date }[]; later: { id: string; number: number; reason: string }[] };

export function toRunDetail(r: RunWithContext, related: Related = { emitted: [], later: [] }): RunDetail {
  const def = r.workflowVersion.definition as unknown as WorkflowDefinition;
  const order = new Map(def.steps.map((s, i) => [s.id, i]));
  const steps = [...r.steps].sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0));
  return {
    ...toRunSummary(r),
    vars: r.vars as Record<string, unknown>,
    steps: steps.map((s) => toStepRunDto(s, def)),
    layout: def.layout ?? null,
    emittedEvents: related.emitted.map((e) => ({ id: e.id, source: e.sourceKey, type: e.type, receivedAt: e.receivedAt.toISOString() })),
    laterRuns: related.later,
  };
}
