import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { deleteSubscriptionUseCase, updateSubscriptionUseCase } from '@/server/use-cases/manage-subscriptions';

type Ctx = { params: Promise<{ id: string }> };

/** Change the policy, channels, grouping or team flag; `{muted: true|false}` mutes and unmutes. */
export const PATCH = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 32 * 1024));
  return json(await updateSubscriptionUseCase(actor, (await params).id, body));
});

export const DELETE = route(async (request, { params }: Ctx) =>
  json(await deleteSubscriptionUseCase(await principalFromRequest(request), (await params).id)),
);
