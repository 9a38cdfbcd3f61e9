// People management for admins (users.manage). Answers go through userSchema, so password hashes
// never leave the server. The last active admin cannot demote or disable themselves: Railyard
// would be left with nobody able to manage it.
import { createUserBody, updateUserBody, userSchema, type UserDto } from '@/engine/dto/accounts';
import { authorize, type Actor } from '../auth/authorize';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db/client';
import { hashPassword } from '../auth/password';
import { AppError, notFound } from '../errors';
import { countActiveAdmins, createUser, findUserByEmail, findUserById, listUsers, updateUser } from '../repositories/users';

type UserRow = NonNullable<Awaited<ReturnType<typeof findUserById>>>;

export const toUserDto = (u: UserRow): UserDto =>
  userSchema.parse({ ...u, createdAt: u.createdAt.toISOString(), lastSignInAt: u.lastSignInAt?.toISOString() ?? null });

// What the audit trail keeps of a person: never the password hash.
const auditView = (u: UserRow) => ({ email: u.email, name: u.name, role: u.role, disabled: u.disabled });
const auditAction = (before: UserRow, after: UserRow) =>
  after.disabled === before.disabled ? 'user.update' : after.disabled ? 'user.disable' : 'user.enable';

export async function listUsersUseCase(actor: Actor): Promise<UserDto[]> {
  authorize(actor, 'users.manage');
  return (await listUsers()).map(toUserDto);
}

export async function createUserUseCase(actor: Actor, input: unknown): Promise<UserDto> {
  const me = authorize(actor, 'users.manage');
  const body = createUserBody.parse(input);
  if (await findUserByEmail(body.email)) throw new AppError('conflict', `a user with email ${body.email} already exists`);
  const user = await createUser({
    email: body.email,
    name: body.name,
    role: body.role,
    provider: 'credentials',
    passwordHash: await hashPassword(body.password),
  });
  await recordAudit(db(), { actor: me, action: 'user.create', subjectType: 'user', subjectId: user.id, after: auditView(user) });
  return toUserDto(user);
}

export async function updateUserUseCase(actor: Actor, id: string, input: unknown): Promise<UserDto> {
  const me = authorize(actor, 'users.manage');
  const body = updateUserBody.parse(input);
  const user = await findUserById(id);
  if (!user) throw notFound(`user "${id}"`);
  const losesAdmin = user.role === 'admin' && !user.disabled && ((body.role && body.role !== 'admin') || body.disabled === true);
  if (losesAdmin && (await countActiveAdmins()) <= 1) {
    const who = me.userId === id ? 'you are' : `${user.name} is`;
    throw new AppError('conflict', `${who} the last admin: make someone else admin first`);
  }
  // A new role or a disabled flag ends the person's sessions: they sign in again under the new rules.
  const endsSessions = (body.role !== undefined && body.role !== user.role) || (body.disabled !== undefined && body.disabled !== user.disabled);
  const updated = await updateUser(id, { ...body, ...(endsSessions && { sessionVersion: { increment: 1 } }) });
  await recordAudit(db(), { actor: me, action: auditAction(user, updated), subjectType: 'user', subjectId: id, before: auditView(user), after: auditView(updated) });
  return toUserDto(updated);
}
