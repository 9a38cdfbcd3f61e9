import type { z } from 'zod';
import type { log } from '@/engine/actions/log';
import type { ActionHandler } from '../types';

export const logHandler: ActionHandler<z.output<typeof log.params>> = async ({ params, log: write }) => {
  write(params.level ?? 'info', params.message);
  return { outputs: { message: params.message } };
};
