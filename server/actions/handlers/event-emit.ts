import type { z } from 'zod';
import type { eventEmit } from '@/engine/actions/event-emit';
import { emitEvent } from '../../use-cases/emit-event';
import type { ActionHandler } from '../types';

export const eventEmitHandler: ActionHandler<z.output<typeof eventEmit.params>> = async ({ params, context, idempotencyKey, log }) => {
  const result = await emitEvent({ runId: context.run.id, source: params.source, type: params.type, payload: params.payload, idempotencyKey });
  log('info', `${result.duplicate ? 'already emitted' : 'emitted'} ${params.source}/${params.type} as event ${result.eventId}`);
  return { outputs: result };
};
