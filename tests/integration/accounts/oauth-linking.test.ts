// GitHub / GitLab / OIDC sign-in through our next-auth callbacks (lib/auth-options.ts) against the
// real database: people are found by (provider, subject); an email links to an existing person or
// creates one only when the provider says it is verified; an unverified email never takes over an
// existing person.
import type { Account, Profile, User } from 'next-auth';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as meGet } from '@/app/api/me/route';
import { authOptions } from '@/lib/auth-options';
import { db } from '@/server/db/client';
import { closeAll, resetState } from '../../support/harness';
import { callRoute } from '../../support/http';
import { createPerson } from '../../support/people';

/** What next-auth hands our callbacks after a provider's OAuth dance, then the JWT it would sign. */
async function oauthSignIn(provider: string, subject: string, profile: Record<string, unknown>) {
  const { callbacks } = authOptions();
  const user = { id: subject, name: (profile.name as string) ?? null, email: (profile.email as string) ?? null } as User;
  const account = { provider, type: 'oauth', providerAccountId: subject } as Account;
  const allowed = await callbacks!.signIn!({ user, account, profile: profile as Profile });
  if (allowed !== true) return { allowed: false as const };
  const token = await callbacks!.jwt!({ token: { sub: subject }, user, account, trigger: 'signIn' } as never);
  return { allowed: true as const, token };
}

const github = (email: string, verified: boolean, extra: object = {}) => ({
  id: 1, login: 'someone', name: 'Some One', email, emails: [{ email, primary: true, verified }], ...extra,
});
const identities = (userId: string) => db().userIdentity.findMany({ where: { userId }, select: { provider: true, subject: true } });

beforeAll(async () => {
  await resetState();
});
afterAll(() => closeAll());

describe('new people', () => {
  it('a GitHub account with a verified primary email creates a person, and its session works', async () => {
    const res = await oauthSignIn('github', '1001', github('New.Person@Example.com', true));
    expect(res.allowed).toBe(true);
    const user = await db().user.findUniqueOrThrow({ where: { email: 'new.person@example.com' } });
    expect(user).toMatchObject({ role: 'viewer', provider: 'github' });
    expect(await identities(user.id)).toEqual([{ provider: 'github', subject: '1001' }]);
    const cookie = `next-auth.session-token=${await encode({ token: res.allowed ? res.token : {}, secret: process.env.NEXTAUTH_SECRET! })}`;
    expect((await callRoute(meGet, '/api/me', {}, { headers: { cookie } })).body).toMatchObject({ id: user.id, email: 'new.person@example.com' });
  });

  it('an unverified email creates nobody', async () => {
    expect((await oauthSignIn('github', '1002', github('unverified@example.com', false))).allowed).toBe(false);
    expect((await oauthSignIn('oidc', 'sub-1002', { sub: 'sub-1002', email: 'unverified@example.com', email_verified: false })).allowed).toBe(false);
    expect((await oauthSignIn('gitlab', '1002', { id: 1002, email: 'unverified@example.com', confirmed_at: null })).allowed).toBe(false);
    // GitHub's public profile email alone (no verified list) is not enough either.
    expect((await oauthSignIn('github', '1003', { id: 1003, email: 'unverified@example.com' })).allowed).toBe(false);
    expect(await db().user.findUnique({ where: { email: 'unverified@example.com' } })).toBeNull();
  });
});

describe('existing people', () => {
  it('an unverified email does not take over an existing person', async () => {
    const alice = await createPerson('admin', 'alice');
    for (const [provider, profile] of [
      ['github', github(alice.email, false)],
      ['oidc', { sub: 'attacker', email: alice.email, email_verified: false }],
      ['oidc', { sub: 'attacker', email: alice.email, email_verified: 'true' }],
      ['gitlab', { id: 666, email: alice.email }],
    ] as const) {
      expect((await oauthSignIn(provider, 'attacker', profile)).allowed).toBe(false);
    }
    expect(await identities(alice.id)).toEqual([]);
  });

  it('a verified email links the external account to the person, who keeps their role', async () => {
    const bob = await createPerson('editor', 'bob');
    const res = await oauthSignIn('oidc', 'bob-sub', { sub: 'bob-sub', email: bob.email.toUpperCase(), email_verified: true, name: 'Bobby' });
    expect(res.allowed && res.token.sub).toBe(bob.id);
    expect(await identities(bob.id)).toEqual([{ provider: 'oidc', subject: 'bob-sub' }]);
    expect((await db().user.findUniqueOrThrow({ where: { id: bob.id } })).role).toBe('editor');
  });

  it('a linked account signs in by subject, whatever email it reports later', async () => {
    const carol = await createPerson('releaser', 'carol');
    await oauthSignIn('gitlab', '77', { id: 77, email: carol.email, confirmed_at: '2024-05-01T10:00:00Z' });
    const later = await oauthSignIn('gitlab', '77', { id: 77, email: 'carol-new@elsewhere.example', confirmed_at: null });
    expect(later.allowed && later.token.sub).toBe(carol.id);
  });

  it('a second account of the same provider claiming a linked person’s verified email is refused', async () => {
    const dave = await createPerson('admin', 'dave');
    expect((await oauthSignIn('github', '500', github(dave.email, true))).allowed).toBe(true);
    // The address moved to another GitHub account (released and registered again).
    expect((await oauthSignIn('github', '501', github(dave.email, true))).allowed).toBe(false);
    expect(await identities(dave.id)).toEqual([{ provider: 'github', subject: '500' }]);
  });

  it('a disabled person stays out, linked or not', async () => {
    const erin = await createPerson('releaser', 'erin');
    await oauthSignIn('oidc', 'erin-sub', { sub: 'erin-sub', email: erin.email, email_verified: true });
    await db().user.update({ where: { id: erin.id }, data: { disabled: true } });
    expect((await oauthSignIn('oidc', 'erin-sub', { sub: 'erin-sub', email: erin.email, email_verified: true })).allowed).toBe(false);
    expect((await oauthSignIn('github', '900', github(erin.email, true))).allowed).toBe(false);
  });
});
