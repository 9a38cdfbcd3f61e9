// One named secret: PUT replaces (or creates) its value, DELETE removes it. Admin only.
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { deleteSecret, putSecretBody, setSecret } from '@/server/use-cases/manage-secrets';

type Ctx = { params: Promise<{ name: string }> };

export const PUT = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const body = putSecretBody.parse(parseJsonBody(await readBodyLimited(request, 128 * 1024)));
  const { secret, created } = await setSecret(actor, (await params).name, body.value);
  return json(secret, created ? 201 : 200);
});

export const DELETE = route(async (request, { params }: Ctx) => {
  await deleteSecret(await principalFromRequest(request), (await params).name);
  return new Response(null, { status: 204 });
});
