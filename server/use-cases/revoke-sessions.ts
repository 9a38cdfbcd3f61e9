// "Sign out everywhere": moving a person's session version on ends every session cookie issued
// before (server/auth/principal.ts compares versions on each request). People do it for
// themselves; admins (users.manage) for anyone, e.g. for a lost laptop. API tokens are not
// sessions and stay as they are: they are revoked one by one on the Profile page.
import { recordAudit } from '../audit/record-audit';
import { authorize, type Actor } from '../auth/authorize';
import { db } from '../db/client';
import { AppError, notFound } from '../errors';
import { bumpSessionVersion, findUserById } from '../repositories/users';

async function revoke(actor: ReturnType<typeof authorize>, userId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const { sessionVersion } = await bumpSessionVersion(userId, tx);
    await recordAudit(tx, { actor, action: 'user.sessions.revoke', subjectType: 'user', subjectId: userId, after: { sessionVersion } });
  });
}

export async function signOutEverywhere(actor: Actor): Promise<void> {
  const me = authorize(actor, 'read');
  if (me.kind !== 'user' || !me.userId) throw new AppError('forbidden', 'signing out everywhere is for signed-in people; an API token is revoked on the Profile page');
  await revoke(me, me.userId);
}

export async function revokeUserSessions(actor: Actor, userId: string): Promise<void> {
  const me = authorize(actor, 'users.manage');
  if (!(await findUserById(userId))) throw notFound(`user "${userId}"`);
  await revoke(me, userId);
}
