import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { createSubscriptionUseCase, listSubscriptionsUseCase } from '@/server/use-cases/manage-subscriptions';

export const GET = route(async (request) => json(await listSubscriptionsUseCase(await principalFromRequest(request))));

export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 32 * 1024));
  return json(await createSubscriptionUseCase(actor, body), 201);
});
