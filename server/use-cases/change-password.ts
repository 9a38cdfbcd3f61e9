// A signed-in person changes their own password; the current one must be given again, so a
// borrowed session (or a stolen cookie) cannot lock the owner out.
import { changePasswordBody } from '@/engine/dto/accounts';
import { authorize, type Actor } from '../auth/authorize';
import { hashPassword, verifyPassword } from '../auth/password';
import { AppError, badRequest } from '../errors';
import { findUserById, updateUser } from '../repositories/users';

export async function changePassword(actor: Actor, input: unknown): Promise<void> {
  const me = authorize(actor, 'read');
  if (me.kind !== 'user' || !me.userId) throw new AppError('forbidden', 'passwords are changed by signed-in people, not by API tokens');
  const body = changePasswordBody.parse(input);
  const user = await findUserById(me.userId);
  if (!user?.passwordHash) throw badRequest(`your account signs in with ${user?.provider ?? 'another provider'}: it has no password to change`);
  if (!(await verifyPassword(body.current, user.passwordHash))) throw badRequest('the current password is wrong');
  await updateUser(user.id, { passwordHash: await hashPassword(body.next) });
}
