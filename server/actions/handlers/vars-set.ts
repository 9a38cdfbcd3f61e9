import type { z } from 'zod';
import type { varsSet } from '@/engine/actions/vars-set';
import type { ActionHandler } from '../types';

/** A meta-action: its values are merged into the run's variables (`vars.*` in later steps). */
export const varsSetHandler: ActionHandler<z.output<typeof varsSet.params>> = async ({ params, log }) => {
  log('info', `set ${Object.keys(params.values).join(', ') || 'nothing'}`);
  return { outputs: { values: params.values }, vars: params.values };
};
