// People. Emails are stored lower-case so sign-in and the unique index agree on "the same person".
import type { Prisma } from '../db/generated/client';
import { db, type Db, type Tx } from '../db/client';

export const findUserByEmail = (email: string) => db().user.findUnique({ where: { email: email.toLowerCase() } });

export const findUserById = (id: string) => db().user.findUnique({ where: { id } });

export const listUsers = () => db().user.findMany({ orderBy: [{ disabled: 'asc' }, { createdAt: 'asc' }] });

export const countUsers = () => db().user.count();

export const countActiveAdmins = () => db().user.count({ where: { role: 'admin', disabled: false } });

export const createUser = (data: Prisma.UserCreateInput, client: Db | Tx = db()) =>
  client.user.create({ data: { ...data, email: data.email.toLowerCase() } });

export const updateUser = (id: string, data: Prisma.UserUpdateInput, client: Db | Tx = db()) =>
  client.user.update({ where: { id }, data });

export const recordSignIn = (id: string) => db().user.update({ where: { id }, data: { lastSignInAt: new Date() } });

/** Ends every session of this person: cookies issued with an older version stop working. */
export const bumpSessionVersion = (id: string, client: Db | Tx = db()) =>
  client.user.update({ where: { id }, data: { sessionVersion: { increment: 1 } }, select: { sessionVersion: true } });

/** A user's display name, null when there is no such user. */
export const findUserName = async (id: string) => (await db().user.findUnique({ where: { id }, select: { name: true } }))?.name ?? null;
