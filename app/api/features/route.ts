import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route, searchParams } from '@/server/http/respond';
import { createFeature, listFeatures } from '@/server/use-cases/manage-features';

/** `?pipeline=` narrows to one pipeline. */
export const GET = route(async (request) => json(await listFeatures(await principalFromRequest(request), searchParams(request).get('pipeline'))));

/** `{key, title, link?, branch?, owner?, pipeline, status}`; status open or ready. */
export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  return json(await createFeature(actor, parseJsonBody(await readBodyLimited(request, 32 * 1024))), 201);
});
