// Your personal API tokens. POST answers the plain token once ({token, ...}); lists never do.
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { createMyToken, listMyTokens } from '@/server/use-cases/manage-tokens';

export const GET = route(async (request) => json(await listMyTokens(await principalFromRequest(request))));

export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 16 * 1024));
  return json(await createMyToken(actor, body), 201);
});
