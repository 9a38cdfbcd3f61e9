// Signs in through next-auth's real core (CSRF token, credentials callback, JWT cookie) with our
// authOptions, as app/api/auth/[...nextauth]/route.ts does, minus Next's request context (the
// route reads cookies and headers through next/headers, which exists only inside a Next server).
import { createRequire } from 'node:module';
import path from 'node:path';
import { authOptions } from '@/lib/auth-options';

// next-auth's package exports do not list ./core; its file is loaded by path (the same module the route uses).
type AuthResponse = { status?: number; body?: unknown; cookies?: { name: string; value: string }[] };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve('node_modules/next-auth/core/index.js')) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: unknown }) => Promise<AuthResponse>;
};

type Cookie = { name: string; value: string };

async function auth(action: string, method: 'GET' | 'POST', init: { providerId?: string; body?: Record<string, string>; cookies?: Record<string, string>; headers?: Record<string, string> }) {
  return AuthHandler({
    req: {
      action,
      providerId: init.providerId,
      method,
      body: init.body ?? {},
      query: {},
      cookies: init.cookies ?? {},
      headers: { host: 'localhost:3100', ...init.headers },
    },
    options: authOptions(),
  });
}

/** One password sign-in; `headers` are the request's (socket-address header, X-Forwarded-For…). */
export async function signInWithNextAuth(email: string, password: string, headers: Record<string, string> = {}): Promise<{ ok: boolean; cookie: string | null }> {
  const csrf = await auth('csrf', 'GET', { headers });
  const csrfCookie = (csrf.cookies as Cookie[] | undefined)?.find((c) => c.name.endsWith('next-auth.csrf-token'));
  const csrfToken = (csrf.body as { csrfToken: string }).csrfToken;
  const res = await auth('callback', 'POST', {
    providerId: 'credentials',
    body: { email, password, csrfToken, callbackUrl: '/' },
    cookies: csrfCookie ? { [csrfCookie.name]: csrfCookie.value } : {},
    headers,
  });
  const session = (res.cookies as Cookie[] | undefined)?.find((c) => c.name.endsWith('next-auth.session-token') && c.value);
  return { ok: Boolean(session), cookie: session ? `${session.name}=${session.value}` : null };
}
