import type { z } from 'zod';
import type { delay } from '@/engine/actions/delay';
import type { ActionHandler } from '../types';

/**
 * First call: ask the executor to persist a wait (status `waiting`, `wakeAt`); no job sleeps.
 * Woken call: report how long the step actually waited.
 */
export const delayHandler: ActionHandler<z.output<typeof delay.params>> = async ({ params, resume, now, log }) => {
  if (!resume) {
    if (params.ms === 0) return { outputs: { waitedMs: 0 } };
    const until = new Date(now().getTime() + params.ms);
    log('info', `waiting until ${until.toISOString()}`);
    return { wait: { kind: 'delay' }, until };
  }
  return { outputs: { waitedMs: now().getTime() - resume.waitingSince.getTime() } };
};
