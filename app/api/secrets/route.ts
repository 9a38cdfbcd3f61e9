// Named secrets: admins list names and set values; a value is never sent back.
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { createSecretBody, listSecretNames, setSecret } from '@/server/use-cases/manage-secrets';

export const GET = route(async (request) => json(await listSecretNames(await principalFromRequest(request))));

export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const body = createSecretBody.parse(parseJsonBody(await readBodyLimited(request, 128 * 1024)));
  const { secret, created } = await setSecret(actor, body.name, body.value);
  return json(secret, created ? 201 : 200);
});
