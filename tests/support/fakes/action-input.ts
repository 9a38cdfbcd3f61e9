// Calls an action handler the way the step executor does: params parsed through the action's own
// schema (so defaults apply), a per-attempt idempotency key, a real AbortSignal, collected log lines.
import type { z } from 'zod';
import type { ActionDefinition } from '@/engine/actions/definition';
import type { ActionHandler, ActionInput, ActionResult } from '@/server/actions/types';

export type Called = { result: ActionResult; outputs: any; logs: string[] };

export async function callAction<P extends z.ZodObject>(
  def: ActionDefinition<P>,
  handler: ActionHandler<z.output<P>>,
  params: z.input<P>,
  overrides: Partial<Omit<ActionInput<z.output<P>>, 'params'>> = {},
): Promise<Called> {
  const logs: string[] = [];
  const result = await handler({
    params: def.params.parse(params),
    context: {
      event: { id: 'ev1', source: 'test', type: 'test', payload: {}, headers: {}, receivedAt: new Date(0).toISOString() },
      steps: {},
      vars: {},
      secrets: {},
      run: { id: 'run1', number: 1, workflow: 'test', version: 1 },
    },
    idempotencyKey: 'run1.step.1',
    signal: new AbortController().signal,
    log: (level, message) => void logs.push(`${level}: ${message}`),
    resume: null,
    now: () => new Date(),
    workspace: () => Promise.reject(new Error('no workspace in unit tests')),
    ...overrides,
  });
  return { result, outputs: 'outputs' in result ? result.outputs : undefined, logs };
}
