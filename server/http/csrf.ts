// CSRF: a browser attaches the session cookie to requests another site makes it send, so a
// state-changing API call authenticated by that cookie must prove it comes from our own pages.
// Browsers send `Origin` on every cross-site POST/PUT/PATCH/DELETE (and on same-origin fetches),
// so the check is: cookie session + unsafe method ⇒ Origin (or Referer) names our host.
// Requests carrying their own credential in a header (API tokens, webhook signatures, GitLab
// tokens) are exempt: another site cannot set those headers without a CORS preflight we never
// grant, and they involve no ambient authority. next-auth's /api/auth/* has its own CSRF token.
import { env } from '../env';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SESSION_COOKIE = /(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/;
const OWN_CREDENTIAL_HEADERS = ['authorization', 'x-hub-signature-256', 'x-hub-signature', 'x-gitlab-token'];

function hostOf(value: string | null | undefined): string | null {
  if (!value || value === 'null') return null;
  try {
    return new URL(value).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The hosts a same-origin request may name: the one it was sent to, and the configured public URL. */
function ownHosts(request: Request): Set<string> {
  const hosts = new Set<string>();
  const add = (h: string | null) => h && hosts.add(h.toLowerCase());
  add(hostOf(request.url));
  add(request.headers.get('host'));
  add(hostOf(env().NEXTAUTH_URL));
  return hosts;
}

/** A 403 answer when this request needs the check and fails it; null when it may proceed. */
export function csrfRefusal(request: Request): Response | null {
  if (!UNSAFE.has(request.method.toUpperCase())) return null;
  let path: string;
  try {
    path = new URL(request.url).pathname;
  } catch {
    return null;
  }
  if (!path.startsWith('/api/') || path.startsWith('/api/auth/')) return null;
  if (OWN_CREDENTIAL_HEADERS.some((h) => request.headers.has(h))) return null;
  if (!SESSION_COOKIE.test(request.headers.get('cookie') ?? '')) return null; // no cookie: nothing to abuse
  // Origin is authoritative when present; Referer is the fallback for older privacy settings.
  const origin = request.headers.get('origin');
  const claimed = origin && origin !== 'null' ? hostOf(origin) : hostOf(request.headers.get('referer'));
  if (claimed && ownHosts(request).has(claimed)) return null;
  return Response.json({ error: 'cross-site request refused' }, { status: 403 });
}
