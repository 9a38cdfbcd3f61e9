import { z } from 'zod';
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { decideApproval } from '@/server/use-cases/decide-approval';

const bodySchema = z.strictObject({ approve: z.boolean(), reason: z.string().max(2000).optional() });

export const POST = route(async (request, { params }: { params: Promise<{ id: string; stepId: string }> }) => {
  const actor = await principalFromRequest(request);
  const body = bodySchema.parse(parseJsonBody(await readBodyLimited(request, 16 * 1024)));
  const { id, stepId } = await params;
  return json(await decideApproval(actor, { runId: id, stepId, ...body }));
});
