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

// Steps that event jobs run themselves (a new run's first step, inline: no queue hop between the
// event and its first step). Bounded, so long steps never hold more than a quarter of the event
// queue's slots and intake processing keeps going; past the bound the step is enqueued as usual.
// Below a concurrency of 4 there are none: one slot would be the whole event queue.
let eventSlotSteps = 0;

/** How many steps event jobs may run at once besides the step queue's (docs/configuration.md). */
export const eventSlotLimit = (concurrency: number) => Math.floor(concurrency / 4);

/** Takes one of the event queue's inline-step slots, if one is free and the worker is not stopping. */
export function takeEventSlot(concurrency: number): boolean {
  if (!acceptingSteps() || eventSlotSteps >= eventSlotLimit(concurrency)) return false;
  eventSlotSteps++;
  return true;
}

export function freeEventSlot(): void {
  eventSlotSteps = Math.max(0, eventSlotSteps - 1);
}
