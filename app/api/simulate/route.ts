import { principalFromRequest } from '@/server/auth/principal';
import { env } from '@/server/env';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { simulateEventUseCase } from '@/server/use-cases/simulate-event';

/** `{source, type, payload | payloadText, headers?, workflow?}` → what would happen (nothing is stored or sent). */
export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  // Room for a payload at the intake's cap plus a workflow text, so the use-case can name which is too big.
  const body = parseJsonBody(await readBodyLimited(request, env().RAILYARD_INTAKE_MAX_BYTES * 2 + 1024 * 1024));
  return json(await simulateEventUseCase(actor, body));
});
