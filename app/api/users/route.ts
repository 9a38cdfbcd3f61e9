// People (admins only): list, and create with an initial password.
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { createUserUseCase, listUsersUseCase } from '@/server/use-cases/manage-users';

export const GET = route(async (request) => json(await listUsersUseCase(await principalFromRequest(request))));

export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 16 * 1024));
  return json(await createUserUseCase(actor, body), 201);
});
