// next-auth configuration: email + password always; GitHub, GitLab and OIDC only when configured.
// Sessions are JWTs whose `sub` is our User id and `sv` the person's session version at sign-in;
// server/auth/principal.ts loads the person (role, disabled, version) fresh on every request, so
// the JWT carries identity, never authority, and stops counting once the version moves on.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GitLabProvider from 'next-auth/providers/gitlab';
import type { Provider } from 'next-auth/providers/index';
import { oauthConfigs, sessionSecret, type OAuthConfig } from '@/server/auth/oauth-config';
import { SESSION_MAX_AGE_S } from '@/server/auth/session';
import { clientIp } from '@/server/http/client-ip';
import { signInWithPassword, signInWithProvider } from '@/server/use-cases/sign-in';

export { SESSION_MAX_AGE_S };

/**
 * GitHub's /user carries only the public email, which GitHub does not vouch for; the verified
 * flags are in /user/emails (scope user:email). Both are fetched and the list is attached to the
 * profile as `emails`, where engine/auth/external-sign-in.ts picks the primary verified address.
 */
async function githubProfileWithEmails({ client, tokens }: { client: { userinfo: (t: string) => Promise<object> }; tokens: { access_token?: string } }) {
  const profile = await client.userinfo(tokens.access_token ?? '');
  const res = await fetch('https://api.github.com/user/emails', {
    headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: 'application/vnd.github+json' },
    signal: AbortSignal.timeout(10_000),
  }).catch(() => null);
  const emails = res?.ok ? await res.json().catch(() => []) : [];
  return { ...profile, emails: Array.isArray(emails) ? emails : [] };
}

function oauthProvider(c: OAuthConfig): Provider {
  switch (c.id) {
    case 'github':
      return GitHubProvider({
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        userinfo: { url: 'https://api.github.com/user', request: githubProfileWithEmails as never },
      });
    case 'gitlab':
      return GitLabProvider({
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        authorization: { url: `${c.url}/oauth/authorize`, params: { scope: 'read_user' } },
        token: `${c.url}/oauth/token`,
        userinfo: `${c.url}/api/v4/user`,
      });
    case 'oidc':
      return {
        id: 'oidc',
        name: c.name,
        type: 'oauth',
        wellKnown: `${c.issuer}/.well-known/openid-configuration`,
        authorization: { params: { scope: 'openid email profile' } },
        idToken: true,
        checks: ['pkce', 'state'],
        clientId: c.clientId,
        clientSecret: c.clientSecret,
        // An unverified email must not match (and take over) an existing account.
        profile: (p: { sub: string; email?: string; email_verified?: boolean; name?: string }) => ({
          id: p.sub,
          email: p.email_verified === false ? null : (p.email ?? null),
          name: p.name ?? p.email ?? p.sub,
        }),
      };
  }
}

/** Configured external providers, for the sign-in page's buttons. */
export const externalProviders = () => oauthConfigs().map(({ id, name }) => ({ id, name }));

export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    jwt: { maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        id: 'credentials',
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        // The client address keys the back-off; X-Forwarded-For counts only from trusted proxies.
        authorize: async (creds, req) =>
          signInWithPassword(creds?.email ?? '', creds?.password ?? '', clientIp((req?.headers ?? {}) as Record<string, string>)),
      }),
      ...oauthConfigs().map(oauthProvider),
    ],
    callbacks: {
      // OAuth people are found by (provider, subject), linked or created by a verified email only;
      // the returned id replaces the provider's. `profile` is the provider's raw profile.
      async signIn({ user, account, profile }) {
        if (!account || account.provider === 'credentials') return true;
        const person = await signInWithProvider({ provider: account.provider, subject: account.providerAccountId, profile, name: user.name });
        if (!person) return false;
        Object.assign(user, { id: person.id, sessionVersion: person.sessionVersion });
        return true;
      },
      // `sub` is our User id for every provider, `sv` the session version; the role is not trusted from here.
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      async session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub });
        return session;
      },
    },
  };
}
