// Change your own password: {current, next}. 204 on success.
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { route } from '@/server/http/respond';
import { changePassword } from '@/server/use-cases/change-password';

export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  await changePassword(actor, parseJsonBody(await readBodyLimited(request, 16 * 1024)));
  return new Response(null, { status: 204 });
});
