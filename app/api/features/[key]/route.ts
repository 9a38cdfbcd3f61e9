import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route, searchParams } from '@/server/http/respond';
import { updateFeature } from '@/server/use-cases/manage-features';

type Ctx = { params: Promise<{ key: string }> };

/** `{status?: 'open'|'ready', title?, link?, branch?, owner?}`; `?pipeline=` when the key exists in several. */
export const PATCH = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 32 * 1024));
  return json(await updateFeature(actor, (await params).key, searchParams(request).get('pipeline'), body));
});
