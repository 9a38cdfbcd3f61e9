// The handlers this process is running right now, so a graceful shutdown can abort the ones that
// outlive its grace period (each then releases its step: runs/release-step.ts). Process memory
// only holds what dies with the process anyway; the database still owns the step state.
import { ShutdownError } from './lease';

const active = new Set<AbortController>();

/** Registers a step's controller; call the returned function when the attempt is over. */
export function trackActiveStep(controller: AbortController): () => void {
  if (shuttingDown) controller.abort(new ShutdownError());
  active.add(controller);
  return () => void active.delete(controller);
}

let shuttingDown = false;

/** Aborts every running handler with a ShutdownError; steps claimed afterwards abort at once. */
export function abortActiveSteps(): number {
  shuttingDown = true;
  for (const c of active) c.abort(new ShutdownError());
  return active.size;
}

export const activeStepCount = () => active.size;

let draining = false;

/** Shutdown began (the worker stops taking jobs): running steps finish, none starts inline. */
export function drainSteps(): void {
  draining = true;
}

/** False once shutdown began: no step may start inline after it (use-cases/execute-step.ts). */
export const acceptingSteps = () => !draining && !shuttingDown;

/** For a process that starts its workers again (tests run several worker sets in one process). */
export function acceptSteps(): void {
  shuttingDown = false;
  draining = false;
}
