import { requireAdmin } from '@/server/auth/tokens';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { createSourceUseCase } from '@/server/use-cases/manage-sources';
import { listSources } from '@/server/repositories/sources';
import { toSourceDto } from '@/server/dto/map-registry';

export const GET = route(async () => json((await listSources()).map(toSourceDto)));

export const POST = route(async (request) => {
  await requireAdmin(request.headers);
  const body = parseJsonBody(await readBodyLimited(request, 64 * 1024));
  return json(await createSourceUseCase(body), 201);
});
