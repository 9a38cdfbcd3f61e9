// Change your own password: {current, next}. 204 on success. Every other session of yours ends;
// this browser gets a renewed session cookie, so you stay signed in here.
import { principalFromRequest } from '@/server/auth/principal';
import { renewedSessionCookie, sessionClaims } from '@/server/auth/session';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { route } from '@/server/http/respond';
import { changePassword } from '@/server/use-cases/change-password';

export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const { sessionVersion } = await changePassword(actor, parseJsonBody(await readBodyLimited(request, 16 * 1024)));
  const claims = await sessionClaims(request.headers.get('cookie'));
  const cookie = claims ? await renewedSessionCookie(claims, sessionVersion) : null;
  return new Response(null, { status: 204, headers: cookie ? { 'set-cookie': cookie } : undefined });
});
