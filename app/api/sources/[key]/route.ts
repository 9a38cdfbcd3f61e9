import { requireAdmin } from '@/server/auth/tokens';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { getSourceUseCase, updateSourceUseCase } from '@/server/use-cases/manage-sources';

type Ctx = { params: Promise<{ key: string }> };

export const GET = route(async (_request, { params }: Ctx) => json(await getSourceUseCase((await params).key)));

export const PATCH = route(async (request, { params }: Ctx) => {
  await requireAdmin(request.headers);
  const body = parseJsonBody(await readBodyLimited(request, 64 * 1024));
  return json(await updateSourceUseCase((await params).key, body));
});
