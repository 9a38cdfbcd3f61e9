// Ends every session of a person (admins only), e.g. for a lost laptop. 204.
import { principalFromRequest } from '@/server/auth/principal';
import { route } from '@/server/http/respond';
import { revokeUserSessions } from '@/server/use-cases/revoke-sessions';

type Ctx = { params: Promise<{ id: string }> };

export const POST = route(async (request, { params }: Ctx) => {
  await revokeUserSessions(await principalFromRequest(request), (await params).id);
  return new Response(null, { status: 204 });
});
