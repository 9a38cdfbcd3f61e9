// Which external sign-in providers are configured (through env), as plain data. lib/auth-options.ts
// turns these into next-auth providers, so next-auth stays out of server/ and process.env out of lib/.
import { env } from '../env';

export type OAuthConfig =
  | { id: 'github'; name: 'GitHub'; clientId: string; clientSecret: string }
  | { id: 'gitlab'; name: 'GitLab'; clientId: string; clientSecret: string; url: string }
  | { id: 'oidc'; name: 'Single sign-on'; clientId: string; clientSecret: string; issuer: string };

/** A provider is offered only when both its id and its secret are set: half a config is no config. */
export function oauthConfigs(): OAuthConfig[] {
  const e = env();
  const out: OAuthConfig[] = [];
  if (e.RAILYARD_GITHUB_ID && e.RAILYARD_GITHUB_SECRET) {
    out.push({ id: 'github', name: 'GitHub', clientId: e.RAILYARD_GITHUB_ID, clientSecret: e.RAILYARD_GITHUB_SECRET });
  }
  if (e.RAILYARD_GITLAB_ID && e.RAILYARD_GITLAB_SECRET) {
    const url = (e.RAILYARD_GITLAB_URL ?? 'https://gitlab.com').replace(/\/+$/, '');
    out.push({ id: 'gitlab', name: 'GitLab', clientId: e.RAILYARD_GITLAB_ID, clientSecret: e.RAILYARD_GITLAB_SECRET, url });
  }
  if (e.RAILYARD_OIDC_ISSUER && e.RAILYARD_OIDC_ID && e.RAILYARD_OIDC_SECRET) {
    const issuer = e.RAILYARD_OIDC_ISSUER.replace(/\/+$/, '');
    out.push({ id: 'oidc', name: 'Single sign-on', clientId: e.RAILYARD_OIDC_ID, clientSecret: e.RAILYARD_OIDC_SECRET, issuer });
  }
  return out;
}

/** The session secret next-auth signs cookies with (the same one server/auth/session.ts reads). */
export const sessionSecret = (): string | undefined => env().NEXTAUTH_SECRET;
