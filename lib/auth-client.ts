// Browser side of next-auth's endpoints, without next-auth/react's SessionProvider (the dashboard
// asks /api/me instead). Every POST to /api/auth/* carries next-auth's CSRF token.

export async function fetchCsrfToken(): Promise<string> {
  const res = await fetch('/api/auth/csrf', { credentials: 'same-origin', cache: 'no-store' });
  const body = (await res.json()) as { csrfToken?: string };
  if (!body.csrfToken) throw new Error('could not start signing in (no CSRF token); reload the page');
  return body.csrfToken;
}

async function postAuth(path: string, fields: Record<string, string>): Promise<{ status: number; url: string | null }> {
  const res = await fetch(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    // json=true: answer {url} instead of a redirect, so the page decides where to go.
    body: new URLSearchParams({ ...fields, csrfToken: await fetchCsrfToken(), json: 'true' }),
  });
  const body = (await res.json().catch(() => ({}))) as { url?: string };
  return { status: res.status, url: body.url ?? null };
}

/** Signs in with email and password; on success the session cookie is set. */
export async function signInWithPassword(email: string, password: string, callbackUrl: string): Promise<{ error: string | null }> {
  const { status, url } = await postAuth('/api/auth/callback/credentials', { email, password, callbackUrl });
  const failed = status >= 400 || !url || new URL(url, window.location.origin).searchParams.has('error');
  return { error: failed ? 'Wrong email or password, or the account is disabled.' : null };
}

export async function signOut(): Promise<void> {
  await postAuth('/api/auth/signout', { callbackUrl: '/signin' });
  window.location.assign('/signin');
}

/**
 * Only same-origin paths may be a callbackUrl ("/runs?x=1"); anything else ("//evil.example",
 * "https://…", "javascript:") falls back to the dashboard, so the sign-in page is no open redirect.
 */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value === '/signin' || value.startsWith('/signin?') || value.startsWith('/api/')) return '/';
  return value;
}
