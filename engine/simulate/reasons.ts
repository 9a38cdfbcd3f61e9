// Why a step the run would skip is skipped, in the words of the edge that can no longer be met.
import type { StepStatus } from '../run/status';
import type { WorkflowStep } from '../workflow/schema';

export function blockedReason(step: WorkflowStep, statuses: Readonly<Record<string, StepStatus>>): string {
  for (const need of step.needs) {
    const on = step.needsOn?.[need] ?? 'success';
    const status = statuses[need];
    if (on === 'failure' && status === 'succeeded') return `runs only if step "${need}" fails (the simulation assumes every step succeeds)`;
    if (on === 'failure' && status === 'skipped') return `runs only if step "${need}" fails, and "${need}" would not run`;
    if (on === 'success' && status === 'skipped') return `needs step "${need}" to succeed, and "${need}" would not run`;
  }
  return 'an edge it needs can no longer be satisfied';
}
