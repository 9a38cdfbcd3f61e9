// Authorization lives in use-cases: each one calls `authorize(actor, permission)` first, so the
// rules hold for the API, server actions and any future caller alike.
import { can, PERMISSIONS, type Permission } from '@/engine/auth/roles';
import { AppError } from '../errors';
import type { Principal } from './principal';

export type Actor = Principal | null;

/** The identity stored in Run.startedBy and compared for self-approval. */
export const actorKey = (p: Principal): string => p.userId ?? `token:${p.name}`;

export function authorize(actor: Actor, permission: Permission): Principal {
  if (!actor) throw new AppError('unauthorized', 'not signed in: sign in, or send an API token ("Authorization: Bearer <token>")');
  if (!can(actor.role, permission)) {
    throw new AppError('forbidden', `your role (${actor.role}) may not do this; it needs ${PERMISSIONS[permission]} or above`);
  }
  return actor;
}
