// Sign-in checks for next-auth (lib/auth-options.ts calls these; next-auth itself stays out of
// server/). Both answer the person's id, which becomes the session JWT's `sub`.
import { isRole, type Role } from '@/engine/auth/roles';
import { hashPassword, verifyPassword } from '../auth/password';
import { env } from '../env';
import { limitSignIn } from '../http/rate-limit';
import { findUserByEmail, recordSignIn, upsertProviderUser } from '../repositories/users';

export type SignedInUser = { id: string; name: string; email: string; role: Role };

// Verified against when the email is unknown or has no password, so a wrong email costs the same
// scrypt work as a wrong password and response times do not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
const dummy = () => (dummyHash ??= hashPassword('railyard-no-such-user'));

/** `ip`: the client's address, for the per-address limit (lib/auth-options.ts passes it when known). */
export async function signInWithPassword(email: string, password: string, ip: string | null = null): Promise<SignedInUser | null> {
  if (typeof email !== 'string' || typeof password !== 'string' || !email || !password) return null;
  // Counted before the password is checked: a limited attempt is refused even with the right one.
  const limit = await limitSignIn(email, ip);
  if (!limit.allowed) {
    console.warn(`[sign-in] too many attempts (email or address); refused for ${limit.retryAfterSeconds} s`);
    return null;
  }
  const user = await findUserByEmail(email.trim());
  if (!user?.passwordHash) {
    await verifyPassword(password, await dummy());
    return null;
  }
  const ok = await verifyPassword(password, user.passwordHash);
  if (!ok || user.disabled || !isRole(user.role)) return null;
  await recordSignIn(user.id);
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}

/** GitHub / GitLab / OIDC: the provider vouched for the email. Disabled people stay out. */
export async function signInWithProvider(input: { email?: string | null; name?: string | null; provider: string }): Promise<SignedInUser | null> {
  const email = input.email?.trim().toLowerCase();
  if (!email) return null; // without a verified email there is nobody to match or create
  const user = await upsertProviderUser(email, input.name?.trim() || email.split('@')[0], input.provider, env().RAILYARD_DEFAULT_ROLE);
  if (user.disabled || !isRole(user.role)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role };
}
