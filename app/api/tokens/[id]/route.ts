// Revoke a token: your own, or anyone's with tokens.manage (admins).
import { principalFromRequest } from '@/server/auth/principal';
import { route } from '@/server/http/respond';
import { revokeTokenUseCase } from '@/server/use-cases/manage-tokens';

type Ctx = { params: Promise<{ id: string }> };

export const DELETE = route(async (request, { params }: Ctx) => {
  await revokeTokenUseCase(await principalFromRequest(request), (await params).id);
  return new Response(null, { status: 204 });
});
