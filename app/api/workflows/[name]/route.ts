import { z } from 'zod';
import { principalFromRequest } from '@/server/auth/principal';
import { queryObject } from '@/server/http/query';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { getWorkflowDetail } from '@/server/use-cases/query-workflows';
import { setWorkflowOptions } from '@/server/use-cases/set-workflow-options';

const querySchema = z.object({
  format: z.enum(['json', 'yaml']).default('json'),
  version: z.coerce.number().int().positive().optional(),
});

export const GET = route(async (request, { params }: { params: Promise<{ name: string }> }) => {
  const query = querySchema.parse(queryObject(request));
  const workflow = await getWorkflowDetail(await principalFromRequest(request), (await params).name, query.version);
  if (query.format === 'yaml') {
    return new Response(workflow.yaml, { headers: { 'content-type': 'application/yaml; charset=utf-8' } });
  }
  return json(workflow);
});

/** Admin-only workflow options, e.g. {"shellAllowed": true} or {"secretGrants": ["DEPLOY_TOKEN"]} (replaces the list). */
export const PATCH = route(async (request, { params }: { params: Promise<{ name: string }> }) => {
  const actor = await principalFromRequest(request);
  const body = parseJsonBody(await readBodyLimited(request, 16 * 1024));
  return json(await setWorkflowOptions(actor, (await params).name, body));
});
