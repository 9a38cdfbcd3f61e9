import { describeAction, type ActionDescription } from '@/engine/actions/catalog';
import { listActions } from '../actions/catalog';
import { authorize, type Actor } from '../auth/authorize';

/** Every action this deployment offers, built-ins and plugins alike, for the editor and docs. */
export async function listActionDescriptions(actor: Actor): Promise<ActionDescription[]> {
  authorize(actor, 'read');
  return (await listActions()).map((a) => describeAction(a));
}
