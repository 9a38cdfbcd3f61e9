import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { getSourceUseCase, updateSourceUseCase } from '@/server/use-cases/manage-sources';

type Ctx = { params: Promise<{ key: string }> };

export const GET = route(async (request, { params }: Ctx) =>
  json(await getSourceUseCase(await principalFromRequest(request), (await params).key)),
);

export const PATCH = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 64 * 1024));
  return json(await updateSourceUseCase(actor, (await params).key, body));
});
