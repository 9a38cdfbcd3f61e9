import { z } from 'zod';
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { replayEvent } from '@/server/use-cases/operate-runs';

const bodySchema = z.strictObject({
  eventId: z.string().min(1),
  workflow: z.string().min(1).optional(),
  version: z.int().positive().optional(),
});

/** Replays a stored event against one workflow (current or chosen version) or all that match. */
export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const body = bodySchema.parse(parseJsonBody(await readBodyLimited(request, 16 * 1024)));
  return json(await replayEvent(actor, body), 201);
});
