// Sign-in checks for next-auth (lib/auth-options.ts calls these; next-auth itself stays out of
// server/). Both answer the person's id, which becomes the session JWT's `sub`.
import { decideExternalSignIn, verifiedEmail } from '@/engine/auth/external-sign-in';
import { isRole, type Role } from '@/engine/auth/roles';
import { hashPassword, verifyPassword } from '../auth/password';
import { env } from '../env';
import { recordSignInFailure, recordSignInSuccess, signInAllowed } from '../auth/sign-in-throttle';
import { createPersonWithIdentity, findIdentity, findPersonByEmail, linkIdentity } from '../repositories/identities';
import { findUserByEmail, recordSignIn } from '../repositories/users';

/** `sessionVersion` goes into the session JWT (see server/auth/session.ts). */
export type SignedInUser = { id: string; name: string; email: string; role: Role; sessionVersion: number };

// Verified against when the email is unknown or has no password, so a wrong email costs the same
// scrypt work as a wrong password and response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword('railyard-no-such-user'));

/**
 * `ip`: the client's address (server/http/client-ip.ts), which keys the back-off: failures lock
 * only this (email, address) pair, so a stranger guessing from elsewhere cannot lock the person out.
 */
export async function signInWithPassword(email: string, password: string, ip: string | null = null): Promise<SignedInUser | null> {
  if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) return null;
  // Checked before the password: a locked attempt is refused even with the right one.
  const gate = await signInAllowed(email, ip);
  if (!gate.allowed) {
    console.warn(`[sign-in] refused (${gate.why}) for ${Math.ceil(gate.retryAfterMs / 1000)} s`);
    return null;
  }
  const user = await findUserByEmail(email.trim());
  if (!user?.passwordHash) {
    await verifyPassword(password, await dummy());
    await recordSignInFailure(email, ip);
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok) await recordSignInFailure(email, ip);
  if (!ok || user.disabled || !isRole(user.role)) return null;
  await recordSignInSuccess(email, ip);
  await recordSignIn(user.id);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

/**
 * GitHub / GitLab / OIDC. The external account is the person's identity by (provider, subject);
 * an email links or creates a person only when the provider says it is verified (see
 * engine/auth/external-sign-in.ts). Disabled people stay out. `profile` is the provider's raw
 * profile (for GitHub with its `/user/emails` list attached as `emails`).
 */
export async function signInWithProvider(
  input: { provider: string; subject: string; profile: unknown; name?: string | null },
  retried = false,
): Promise<SignedInUser | null> {
  const { provider, subject } = input;
  const email = verifiedEmail(provider, input.profile);
  const identity = subject ? await findIdentity(provider, subject) : null;
  const person = !identity && email ? await findPersonByEmail(email, provider) : null;
  const decision = decideExternalSignIn({
    provider,
    subject,
    verifiedEmail: email,
    linked: identity?.user ?? null,
    byEmail: person && { id: person.id, disabled: person.disabled, linkedSubjects: person.identities.map((i) => i.subject) },
  });
  let user;
  try {
    user = await applyDecision(decision, input, identity, person);
  } catch (err) {
    // Two first sign-ins raced (both linked or created): the loser signs in as the winner did.
    if (!retried && (err as { code?: string })?.code === 'P2002') return signInWithProvider(input, true);
    throw err;
  }
  if (!user || user.disabled || !isRole(user.role)) return null;
  await recordSignIn(user.id);
  return { id: user.id, name: user.name, email: user.email, role: user.role, sessionVersion: user.sessionVersion };
}

type Person = { id: string; name: string; email: string; role: string; disabled: boolean; sessionVersion: number };

async function applyDecision(
  decision: ReturnType<typeof decideExternalSignIn>,
  input: { provider: string; subject: string; name?: string | null },
  identity: { user: Person } | null,
  person: Person | null,
): Promise<Person | null> {
  const { provider, subject } = input;
  switch (decision.kind) {
    case 'refuse':
      console.warn(`[sign-in] ${provider} sign-in refused: ${decision.reason}`);
      return null;
    case 'sign-in':
      return identity!.user;
    case 'link':
      await linkIdentity({ provider, subject, userId: decision.userId });
      return person;
    case 'create': {
      const name = input.name?.trim().slice(0, 100) || decision.email.split('@')[0];
      return createPersonWithIdentity({ email: decision.email, name, role: env().RAILYARD_DEFAULT_ROLE, provider, subject });
    }
  }
}
