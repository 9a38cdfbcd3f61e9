// The contract between the step executor and an action's side-effecting handler. Definitions
// (id, schemas, docs) live in engine/actions; handlers live here because they touch the world.
import type { LogLine } from '@/engine/dto/runs';
import type { WaitSpec, WaitState } from '@/engine/run/wait';

export type RunContext = {
  event: { id: string; source: string; type: string; payload: unknown; headers: Record<string, string>; receivedAt: string };
  steps: Record<string, { status: string; outputs: unknown }>;
  vars: Record<string, unknown>;
  secrets: Record<string, string>;
  run: { id: string; number: number; workflow: string; version: number };
};

export type ActionInput<P> = {
  params: P;
  context: RunContext;
  /** Stable per step attempt: a handler that repeats (stalled job) must not repeat its effect. */
  idempotencyKey: string;
  signal: AbortSignal;
  log: (level: LogLine['level'], message: string) => void;
  /** Set when the step is woken from a persisted wait it asked for earlier; `resolution` is
   *  absent when the deadline passed first. */
  resume: { waitingSince: Date; state: WaitState } | null;
  now: () => Date;
  /** The run's private working folder (created on first call), shared by its steps: a clone made
   *  by git.clone is where git.tag or shell.run find it. */
  workspace: () => Promise<string>;
};

export type ActionResult =
  | { outputs: unknown; vars?: Record<string, unknown> }
  /** Persist a wait: the step sleeps in the database until `for` resolves or `until` passes. */
  | { wait: WaitSpec; until: Date | null };

export type ActionHandler<P = never> = (input: ActionInput<P>) => Promise<ActionResult>;

/** An error that retrying cannot fix (bad parameters, a 4xx from the target): fail at once. */
export class PermanentError extends Error {
  readonly permanent = true;
}

export const isPermanent = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { permanent?: boolean }).permanent === true;
