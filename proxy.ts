// Pages need a session: an anonymous (or expired) visit to a page is redirected to /signin with
// the page as callbackUrl. This is a convenience for people, not the security boundary: every API
// route and use-case authorizes on its own, so /api/* is left alone here and answers 401 itself
// (scripts and the browser's fetches need a status, not a redirect to an HTML page).
// The session is checked against the database (proxy runs on Node.js in Next 16), so a cookie
// whose session version has moved on (sign out everywhere, password or role change, disabled)
// is sent to sign in like an anonymous visit.
import { NextResponse, type NextRequest } from 'next/server';
import { principalFromSession } from '@/server/auth/principal';

export async function proxy(request: NextRequest) {
  // With the database unreachable the page is let through: its API calls answer 503 themselves,
  // and a redirect to sign-in would only send the person round in circles.
  const current = await principalFromSession(request.headers.get('cookie')).catch(() => 'unknown' as const);
  if (current) return NextResponse.next();
  const { pathname, search } = request.nextUrl;
  const target = new URL('/signin', request.url);
  // A relative callback keeps the redirect on this origin (next-auth refuses other origins too).
  if (pathname !== '/') target.searchParams.set('callbackUrl', `${pathname}${search}`);
  return NextResponse.redirect(target);
}

export const config = {
  // Everything except the API, Next's assets, the sign-in page itself and files with an extension.
  matcher: ['/((?!api/|api$|_next/|signin|favicon\\.ico|.*\\.[A-Za-z0-9]+$).*)'],
};
