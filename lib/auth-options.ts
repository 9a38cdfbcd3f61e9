// next-auth configuration: email + password always; GitHub, GitLab and OIDC only when configured.
// Sessions are JWTs whose `sub` is our User id; server/auth/session.ts reads that id and loads the
// person (role, disabled) fresh on every request, so the JWT carries identity, never authority.
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GitLabProvider from 'next-auth/providers/gitlab';
import type { Provider } from 'next-auth/providers/index';
import { oauthConfigs, sessionSecret, type OAuthConfig } from '@/server/auth/oauth-config';
import { signInWithPassword, signInWithProvider } from '@/server/use-cases/sign-in';

export const SESSION_MAX_AGE_S = 12 * 60 * 60;

function oauthProvider(c: OAuthConfig): Provider {
  switch (c.id) {
    case 'github':
      return GitHubProvider({ clientId: c.clientId, clientSecret: c.clientSecret });
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
        // The client address (first X-Forwarded-For hop behind a proxy) keys the per-IP attempt limit.
        authorize: async (creds, req) =>
          signInWithPassword(creds?.email ?? '', creds?.password ?? '', String(req?.headers?.['x-forwarded-for'] ?? '').split(',')[0].trim() || null),
      }),
      ...oauthConfigs().map(oauthProvider),
    ],
    callbacks: {
      // OAuth people are matched (or created) by email; the returned id replaces the provider's.
      async signIn({ user, account }) {
        if (!account || account.provider === 'credentials') return true;
        const person = await signInWithProvider({ email: user.email, name: user.name, provider: account.provider });
        if (!person) return false;
        user.id = person.id;
        return true;
      },
      // `sub` is our User id for every provider; the role is not trusted from here.
      async jwt({ token, user }) {
        if (user) token.sub = user.id;
        return token;
      },
      async session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub });
        return session;
      },
    },
  };
}
