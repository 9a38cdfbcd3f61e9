import { z } from 'zod';
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { restoreWorkflowVersion } from '@/server/use-cases/workflow-history';

type Params = { params: Promise<{ name: string }> };
const bodySchema = z.strictObject({ version: z.int().positive(), message: z.string().max(2000).optional() });

/** `{version}`: publishes that version's definition again, as a new version. */
export const POST = route(async (request, { params }: Params) => {
  const actor = await principalFromRequest(request);
  const body = bodySchema.parse(parseJsonBody(await readBodyLimited(request, 8 * 1024)));
  const { workflow, created } = await restoreWorkflowVersion(actor, (await params).name, body.version, body.message);
  return json({ ...workflow, created }, created ? 201 : 200);
});
