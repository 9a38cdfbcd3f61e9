// Signing in through GitHub, GitLab or OIDC, as pure decisions. People are linked to an external
// account by (provider, subject): the provider's stable id, which its owner cannot change. An
// email links an external account to an existing person, or creates one, only when the provider
// itself says the address is verified; otherwise whoever registers "alice@company" at the
// provider would become Alice here.

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function normalEmail(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const email = v.trim().toLowerCase();
  return email.length <= 254 && /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/**
 * The email the provider vouches for, or null.
 * - github: the primary address of GitHub's `/user/emails` list (attached to the profile as
 *   `emails`), and only when it is verified. The profile's own `email` is the public address,
 *   which GitHub does not promise is verified.
 * - gitlab: `/api/v4/user`'s `email` when `email_verified` is true or the account is confirmed
 *   (`confirmed_at` set).
 * - oidc: the ID token's `email` only when `email_verified` is exactly `true`.
 */
export function verifiedEmail(provider: string, profile: unknown): string | null {
  if (!isObject(profile)) return null;
  switch (provider) {
    case 'github': {
      const emails = Array.isArray(profile.emails) ? profile.emails : [];
      const primary = emails.find((e): e is Json => isObject(e) && e.primary === true);
      return primary && primary.verified === true ? normalEmail(primary.email) : null;
    }
    case 'gitlab': {
      const confirmed = profile.email_verified === true || (typeof profile.confirmed_at === 'string' && profile.confirmed_at.trim() !== '');
      return confirmed ? normalEmail(profile.email) : null;
    }
    case 'oidc':
      return profile.email_verified === true ? normalEmail(profile.email) : null;
    default:
      return null;
  }
}

export type KnownPerson = { id: string; disabled: boolean };
/** The person an email names, with the subjects of this provider already linked to them. */
export type PersonByEmail = KnownPerson & { linkedSubjects: readonly string[] };

export type ExternalSignInDecision =
  | { kind: 'sign-in'; userId: string }
  | { kind: 'link'; userId: string }
  | { kind: 'create'; email: string }
  | { kind: 'refuse'; reason: string };

export function decideExternalSignIn(input: {
  provider: string;
  subject: string;
  verifiedEmail: string | null;
  /** The person already linked to (provider, subject), if any. */
  linked: KnownPerson | null;
  /** The person whose email equals verifiedEmail, if any. */
  byEmail: PersonByEmail | null;
}): ExternalSignInDecision {
  const { provider, subject, linked, byEmail } = input;
  if (!subject.trim()) return { kind: 'refuse', reason: `${provider} gave no account id` };
  // A linked account signs in whatever its email says today: the subject is the identity.
  if (linked) return linked.disabled ? { kind: 'refuse', reason: 'account disabled' } : { kind: 'sign-in', userId: linked.id };
  if (!input.verifiedEmail) return { kind: 'refuse', reason: `${provider} did not report a verified email for this account` };
  if (!byEmail) return { kind: 'create', email: input.verifiedEmail };
  if (byEmail.disabled) return { kind: 'refuse', reason: 'account disabled' };
  // Already linked to another account of this provider: an address that moved between accounts
  // (released and registered again) must not hand the person to the new owner.
  if (byEmail.linkedSubjects.some((s) => s !== subject)) {
    return { kind: 'refuse', reason: `this person is linked to a different ${provider} account` };
  }
  return { kind: 'link', userId: byEmail.id };
}
