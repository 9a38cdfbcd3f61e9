import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { createSourceUseCase, listSourcesUseCase } from '@/server/use-cases/manage-sources';

export const GET = route(async (request) => json(await listSourcesUseCase(await principalFromRequest(request))));

export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 64 * 1024));
  return json(await createSourceUseCase(actor, body), 201);
});
