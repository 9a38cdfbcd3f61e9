// Reads the next-auth session (JWT strategy) from the request cookies, so route handlers and
// use-cases share one notion of "who is calling" without importing the web layer's config.
import { decode } from 'next-auth/jwt';
import { env } from '../env';

const COOKIE_NAMES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return null;
}

export async function sessionUserId(cookieHeader: string | null): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return null;
  for (const name of COOKIE_NAMES) {
    const value = readCookie(cookieHeader, name);
    if (!value) continue;
    try {
      const token = await decode({ token: value, secret });
      if (token?.sub && (!token.exp || Number(token.exp) * 1000 > Date.now())) return token.sub;
    } catch {
      // A tampered or stale cookie is simply no session.
    }
  }
  return null;
}
