import type { z } from 'zod';
import type { eventWait } from '@/engine/actions/event-wait';
import { PermanentError, type ActionHandler } from '../types';

export const eventWaitHandler: ActionHandler<z.output<typeof eventWait.params>> = async ({ params, resume, now, log }) => {
  if (!resume) {
    log('info', `waiting for ${params.source}/${params.type}${params.match ? ` where ${params.match}` : ''}`);
    return { wait: { kind: 'event', source: params.source, type: params.type, match: params.match }, until: new Date(now().getTime() + params.timeoutMs) };
  }
  const event = resume.state.resolution?.event as { id: string; source: string; type: string; payload: unknown } | undefined;
  if (!event) throw new PermanentError(`timed out after ${params.timeoutMs} ms waiting for ${params.source}/${params.type}`);
  log('info', `matched event ${event.id}`);
  return { outputs: { event } };
};
