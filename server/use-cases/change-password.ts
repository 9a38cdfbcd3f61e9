// A signed-in person changes their own password; the current one must be given again, so a
// borrowed session (or a stolen cookie) cannot lock the owner out. The change ends every other
// session (the session version moves on); the route renews the caller's own cookie.
import { changePasswordBody } from '@/engine/dto/accounts';
import { authorize, type Actor } from '../auth/authorize';
import { hashPassword, verifyPassword } from '../auth/password';
import { AppError, badRequest } from '../errors';
import { findUserById, updateUser } from '../repositories/users';

/** Answers the new session version, for the caller's renewed cookie. */
export async function changePassword(actor: Actor, input: unknown): Promise<{ sessionVersion: number }> {
  const me = authorize(actor, 'read');
  if (me.kind !== 'user' || !me.userId) throw new AppError('forbidden', 'passwords are changed by signed-in people, not by API tokens');
  const body = changePasswordBody.parse(input);
  const user = await findUserById(me.userId);
  if (!user?.passwordHash) throw badRequest(`your account signs in with ${user?.provider ?? 'another provider'}: it has no password to change`);
  if (!(await verifyPassword(body.current, user.passwordHash))) throw badRequest('the current password is wrong');
  const updated = await updateUser(user.id, { passwordHash: await hashPassword(body.next), sessionVersion: { increment: 1 } });
  return { sessionVersion: updated.sessionVersion };
}
