import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { publishWorkflow } from '@/server/use-cases/publish-workflow';
import { listWorkflowItems } from '@/server/use-cases/query-workflows';

export const GET = route(async (request) => json(await listWorkflowItems(await principalFromRequest(request))));

/** Body: the YAML text form (text/yaml, text/plain or application/yaml) or the JSON object form. */
export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const raw = await readBodyLimited(request, 512 * 1024);
  const type = request.headers.get('content-type') ?? '';
  const input = type.includes('json') ? { object: parseJsonBody(raw) } : { text: raw.toString('utf8') };
  const { workflow, created } = await publishWorkflow(actor, input);
  return json({ ...workflow, created }, created ? 201 : 200);
});
