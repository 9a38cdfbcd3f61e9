import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { previewSubscriptionUseCase } from '@/server/use-cases/preview-subscription';

type Ctx = { params: Promise<{ id: string }> };

/** Renders the message for a stored event, per channel, without sending. */
export const POST = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 8 * 1024));
  return json(await previewSubscriptionUseCase(actor, (await params).id, body));
});
