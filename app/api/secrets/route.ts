// Named secrets: admins list names and set values; a value is never sent back.
import { requireAdmin } from '@/server/auth/tokens';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { createSecretBody, listSecretNames, setSecret } from '@/server/use-cases/manage-secrets';

export const GET = route(async (request) => {
  await requireAdmin(request.headers);
  return json(await listSecretNames());
});

export const POST = route(async (request) => {
  await requireAdmin(request.headers);
  const body = createSecretBody.parse(parseJsonBody(await readBodyLimited(request, 128 * 1024)));
  const { secret, created } = await setSecret(body.name, body.value);
  return json(secret, created ? 201 : 200);
});
