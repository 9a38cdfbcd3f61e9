import { describe, expect, it } from 'vitest';
import { decideExternalSignIn, verifiedEmail } from './external-sign-in';

describe('verifiedEmail: github', () => {
  const emails = (...list: object[]) => ({ id: 1, login: 'al', email: 'public@example.com', emails: list });

  it('takes the primary address when GitHub says it is verified', () => {
    expect(verifiedEmail('github', emails({ email: 'Alice@Example.com', primary: true, verified: true }))).toBe('alice@example.com');
  });
  it('refuses an unverified primary address, even with a verified secondary one', () => {
    const p = emails({ email: 'alice@example.com', primary: true, verified: false }, { email: 'other@example.com', primary: false, verified: true });
    expect(verifiedEmail('github', p)).toBeNull();
  });
  it('never trusts the public profile email on its own', () => {
    expect(verifiedEmail('github', { id: 1, email: 'alice@example.com' })).toBeNull();
    expect(verifiedEmail('github', { id: 1, email: 'alice@example.com', emails: [] })).toBeNull();
  });
  it('ignores malformed email lists', () => {
    expect(verifiedEmail('github', { emails: 'alice@example.com' })).toBeNull();
    expect(verifiedEmail('github', { emails: [null, 3, { primary: true, verified: 'true', email: 'a@b.c' }] })).toBeNull();
    expect(verifiedEmail('github', { emails: [{ primary: true, verified: true, email: 'not an email' }] })).toBeNull();
  });
});

describe('verifiedEmail: gitlab', () => {
  it('trusts a confirmed account or email_verified', () => {
    expect(verifiedEmail('gitlab', { email: 'a@x.io', confirmed_at: '2024-01-01T00:00:00Z' })).toBe('a@x.io');
    expect(verifiedEmail('gitlab', { email: 'a@x.io', email_verified: true })).toBe('a@x.io');
  });
  it('refuses an unconfirmed account', () => {
    expect(verifiedEmail('gitlab', { email: 'a@x.io', confirmed_at: null })).toBeNull();
    expect(verifiedEmail('gitlab', { email: 'a@x.io', confirmed_at: '' })).toBeNull();
    expect(verifiedEmail('gitlab', { email: 'a@x.io' })).toBeNull();
    expect(verifiedEmail('gitlab', { email: 'a@x.io', email_verified: 'true' })).toBeNull();
  });
});

describe('verifiedEmail: oidc', () => {
  it('trusts email_verified === true only', () => {
    expect(verifiedEmail('oidc', { sub: 's', email: 'a@x.io', email_verified: true })).toBe('a@x.io');
    for (const v of [false, 'true', 1, undefined, null]) expect(verifiedEmail('oidc', { sub: 's', email: 'a@x.io', email_verified: v })).toBeNull();
  });
  it('knows no other provider and no non-object profile', () => {
    expect(verifiedEmail('credentials', { email: 'a@x.io', email_verified: true })).toBeNull();
    expect(verifiedEmail('oidc', null)).toBeNull();
    expect(verifiedEmail('oidc', ['a@x.io'])).toBeNull();
  });
});

describe('decideExternalSignIn', () => {
  const base = { provider: 'github', subject: '42', verifiedEmail: null, linked: null, byEmail: null };
  const alice = { id: 'u-alice', disabled: false, linkedSubjects: [] as string[] };

  it('signs in the person linked to the subject, without needing an email', () => {
    expect(decideExternalSignIn({ ...base, linked: { id: 'u1', disabled: false } })).toEqual({ kind: 'sign-in', userId: 'u1' });
  });
  it('keeps the link when the account now reports someone else’s verified email', () => {
    const d = decideExternalSignIn({ ...base, verifiedEmail: 'alice@x.io', linked: { id: 'u1', disabled: false }, byEmail: alice });
    expect(d).toEqual({ kind: 'sign-in', userId: 'u1' });
  });
  it('refuses a disabled linked person', () => {
    expect(decideExternalSignIn({ ...base, linked: { id: 'u1', disabled: true } }).kind).toBe('refuse');
  });
  it('refuses an unlinked account without a verified email, even when a person has that address', () => {
    expect(decideExternalSignIn({ ...base, byEmail: alice })).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('verified email') });
  });
  it('links to the existing person a verified email names', () => {
    expect(decideExternalSignIn({ ...base, verifiedEmail: 'alice@x.io', byEmail: alice })).toEqual({ kind: 'link', userId: 'u-alice' });
  });
  it('does not link a second account of the same provider to a person', () => {
    const d = decideExternalSignIn({ ...base, verifiedEmail: 'alice@x.io', byEmail: { ...alice, linkedSubjects: ['7'] } });
    expect(d).toMatchObject({ kind: 'refuse', reason: expect.stringContaining('different github account') });
  });
  it('refuses linking to a disabled person', () => {
    expect(decideExternalSignIn({ ...base, verifiedEmail: 'alice@x.io', byEmail: { ...alice, disabled: true } }).kind).toBe('refuse');
  });
  it('creates a person for a verified email nobody has', () => {
    expect(decideExternalSignIn({ ...base, verifiedEmail: 'new@x.io' })).toEqual({ kind: 'create', email: 'new@x.io' });
  });
  it('refuses an empty subject', () => {
    expect(decideExternalSignIn({ ...base, subject: ' ', verifiedEmail: 'new@x.io' }).kind).toBe('refuse');
  });
});
