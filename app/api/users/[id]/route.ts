// Change a person's role, name or disabled flag (admins only); 409 for the last admin.
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { updateUserUseCase } from '@/server/use-cases/manage-users';

type Ctx = { params: Promise<{ id: string }> };

export const PATCH = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 16 * 1024));
  return json(await updateUserUseCase(actor, (await params).id, body));
});
