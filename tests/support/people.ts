// People for tests: a User with a role and a personal API token, created through the same
// hashing the product uses (the token is stored as a SHA-256 hash, shown to the test once).
import type { Role } from '@/engine/auth/roles';
import { randomToken, sha256 } from '@/server/crypto';
import { db } from '@/server/db/client';

export type Person = { id: string; name: string; email: string; role: Role; token: string; headers: { authorization: string } };

export async function createPerson(role: Role, name: string = `${role}-person`): Promise<Person> {
  const email = `${name}@test.railyard.local`;
  const user = await db().user.create({ data: { email, name, role, provider: 'credentials' } });
  const token = randomToken('ry');
  await db().apiToken.create({ data: { name: `${name} test token`, hash: sha256(token), prefix: token.slice(0, 7), role, userId: user.id } });
  return { id: user.id, name, email, role, token, headers: { authorization: `Bearer ${token}` } };
}

/** One person per role, in order viewer, releaser, editor, admin. */
export async function createPeople(): Promise<Record<Role, Person>> {
  return {
    viewer: await createPerson('viewer'),
    releaser: await createPerson('releaser'),
    editor: await createPerson('editor'),
    admin: await createPerson('admin'),
  };
}

/**
 * A real next-auth session cookie for this person (a JWT signed with NEXTAUTH_SECRET, as the
 * sign-in callback issues it), for routes that only people, not tokens, may use.
 */
export async function sessionHeaders(person: Person): Promise<Record<string, string>> {
  const { encode } = await import('next-auth/jwt');
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret) throw new Error('NEXTAUTH_SECRET must be set for session tests (npm test sets it)');
  // `sv`: the person's current session version, as the sign-in callback puts it in the JWT.
  const user = await db().user.findUniqueOrThrow({ where: { id: person.id }, select: { sessionVersion: true } });
  const jwt = await encode({ token: { sub: person.id, name: person.name, email: person.email, sv: user.sessionVersion }, secret });
  return { cookie: `next-auth.session-token=${jwt}`, origin: 'http://localhost' };
}
