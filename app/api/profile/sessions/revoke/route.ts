// Sign out everywhere: every session of the caller ends, this one included (204; the cookie is
// cleared too). API tokens are not sessions: revoke those on the Profile page.
import { principalFromRequest } from '@/server/auth/principal';
import { sessionClaims } from '@/server/auth/session';
import { route } from '@/server/http/respond';
import { signOutEverywhere } from '@/server/use-cases/revoke-sessions';

export const POST = route(async (request) => {
  await signOutEverywhere(await principalFromRequest(request));
  const claims = await sessionClaims(request.headers.get('cookie'));
  const clear = claims ? `${claims.cookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` : null;
  return new Response(null, { status: 204, headers: clear ? { 'set-cookie': clear } : undefined });
});
