import type { z } from 'zod';
import type { eventEmit } from '@/engine/actions/event-emit';
import { redactSecrets } from '@/engine/secrets/redact';
import { emitEvent } from '../../use-cases/emit-event';
import type { ActionHandler } from '../types';

export const eventEmitHandler: ActionHandler<z.output<typeof eventEmit.params>> = async ({ params, context, idempotencyKey, log }) => {
  // The new event is stored and shown like any other: the step's secrets never go into it (as far
  // as redaction can see them; a transformed secret is the granting admin's accepted risk).
  const payload = redactSecrets(params.payload, context.secrets);
  const result = await emitEvent({ runId: context.run.id, source: params.source, type: params.type, payload, idempotencyKey });
  log('info', `${result.duplicate ? 'already emitted' : 'emitted'} ${params.source}/${params.type} as event ${result.eventId}`);
  return { outputs: result };
};
