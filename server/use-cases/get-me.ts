// GET /api/me: who the caller is, so the UI can show their name and hide what their role may not do.
import { meSchema, type MeDto } from '@/engine/dto/accounts';
import { authorize, type Actor } from '../auth/authorize';
import { findUserById } from '../repositories/users';

export async function getMe(actor: Actor): Promise<MeDto> {
  const me = authorize(actor, 'read');
  const user = me.userId ? await findUserById(me.userId) : null;
  return meSchema.parse({
    kind: me.kind,
    id: me.userId ?? me.id,
    name: me.name,
    email: user?.email ?? null,
    role: me.role,
    provider: user?.provider ?? null,
  });
}
