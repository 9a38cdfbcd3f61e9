import type { ActionId } from '@/engine/actions/catalog';
import type { ActionHandler } from './types';
import { delayHandler } from './handlers/delay';
import { httpRequestHandler } from './handlers/http-request';
import { logHandler } from './handlers/log';
import { varsSetHandler } from './handlers/vars-set';

/** Every catalogued action has exactly one handler; a missing one is a compile error. */
export const actionHandlers = {
  log: logHandler,
  'vars.set': varsSetHandler,
  'http.request': httpRequestHandler,
  delay: delayHandler,
} satisfies Record<ActionId, ActionHandler<never>>;

export function handlerFor(id: string): ActionHandler<unknown> | undefined {
  return (actionHandlers as Record<string, ActionHandler<never>>)[id] as ActionHandler<unknown> | undefined;
}
