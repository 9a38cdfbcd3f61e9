import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { previewExpression } from '@/server/use-cases/preview-expression';

/** `{template | expression, eventId? | payload?, workflow?, stepId?, vars?}` → `{value, type, truncated}` or `{error}`. */
export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  // A little over the 1 MB payload cap, so the use-case can name the cap for a pasted payload.
  const body = parseJsonBody(await readBodyLimited(request, 1200 * 1024));
  return json(await previewExpression(actor, body));
});
