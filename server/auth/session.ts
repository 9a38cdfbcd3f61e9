// Reads the next-auth session (JWT strategy) from the request cookies, so route handlers and
// use-cases share one notion of "who is calling" without importing the web layer's config.
// A session JWT carries the person's id (`sub`) and the session version it was issued with
// (`sv`); principal.ts compares that version with User.sessionVersion on every request, so a
// password change, a role change, disabling or "sign out everywhere" ends older cookies at once.
import { decode, encode, type JWT } from 'next-auth/jwt';
import { env } from '../env';

/** How long a session lasts (next-auth's session and JWT maxAge, and renewed cookies). */
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

const SECURE_COOKIE = '__Secure-next-auth.session-token';
const PLAIN_COOKIE = 'next-auth.session-token';
const COOKIE_NAMES = [SECURE_COOKIE, PLAIN_COOKIE];

export type SessionClaims = { userId: string; version: number; cookieName: string; token: JWT };

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The version a JWT was issued with; cookies from before versions existed count as 0. */
const versionOf = (token: JWT): number => (Number.isInteger(token.sv) ? Number(token.sv) : 0);

/** The session a cookie header carries, or null (no cookie, tampered, expired). Not yet checked against the database. */
export async function sessionClaims(cookieHeader: string | null): Promise<SessionClaims | null> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return null;
  for (const cookieName of COOKIE_NAMES) {
    const value = readCookie(cookieHeader, cookieName);
    if (!value) continue;
    try {
      const token = await decode({ token: value, secret });
      if (token?.sub && (!token.exp || Number(token.exp) * 1000 > Date.now())) {
        return { userId: token.sub, version: versionOf(token), cookieName, token };
      }
    } catch {
      // A tampered or stale cookie is simply no session.
    }
  }
  return null;
}

/**
 * A Set-Cookie value that replaces the caller's session cookie with one carrying `version`, so the
 * person who changed their password stays signed in here while every other session ends.
 */
export async function renewedSessionCookie(claims: SessionClaims, version: number): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return null;
  const { exp: _exp, iat: _iat, jti: _jti, ...rest } = claims.token;
  const value = await encode({ token: { ...rest, sv: version }, secret, maxAge: SESSION_MAX_AGE_S });
  const secure = claims.cookieName === SECURE_COOKIE ? '; Secure' : '';
  return `${claims.cookieName}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${SESSION_MAX_AGE_S}${secure}`;
}
