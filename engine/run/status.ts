// Run and step state machines. Every place that branches on a status uses these predicates or an
// exhaustive switch, so adding a status is a compile error everywhere it matters.

export const RUN_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export const STEP_STATUSES = [
  'pending', // waiting for the steps it needs
  'queued', // due: a job exists or the reconciler will create one
  'running',
  'waiting', // persisted wait (delay, later: event or approval); not a sleeping job
  'succeeded',
  'failed',
  'skipped',
  'cancelled',
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

const TERMINAL_STEP: ReadonlySet<StepStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
const TERMINAL_RUN: ReadonlySet<RunStatus> = new Set(['succeeded', 'failed', 'cancelled']);

export const isTerminalStep = (s: StepStatus): boolean => TERMINAL_STEP.has(s);
export const isTerminalRun = (s: RunStatus): boolean => TERMINAL_RUN.has(s);
export const isActiveStep = (s: StepStatus): boolean => s === 'queued' || s === 'running' || s === 'waiting';

/** The run's status as a function of its steps' statuses (the run row caches it). */
export function deriveRunStatus(steps: readonly StepStatus[]): RunStatus {
  if (steps.some((s) => s === 'failed')) {
    return steps.some(isActiveStep) ? 'running' : 'failed';
  }
  if (steps.every(isTerminalStep)) {
    return steps.some((s) => s === 'cancelled') ? 'cancelled' : 'succeeded';
  }
  if (steps.every((s) => s === 'pending' || s === 'queued')) return 'queued';
  return 'running';
}
