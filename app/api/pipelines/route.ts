import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { publishPipeline } from '@/server/use-cases/publish-pipeline';
import { getPipelineDetail, listPipelines } from '@/server/use-cases/query-pipelines';

export const GET = route(async (request) => json(await listPipelines(await principalFromRequest(request))));

/** Body: the `kind: Pipeline` YAML text (text/yaml, text/plain) or its JSON object form. 201 for a new version. */
export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const raw = await readBodyLimited(request, 256 * 1024);
  const type = request.headers.get('content-type') ?? '';
  const { pipeline, created } = await publishPipeline(actor, type.includes('json') ? { object: parseJsonBody(raw) } : { text: raw.toString('utf8') });
  return json({ ...(await getPipelineDetail(actor, pipeline.key)), created }, created ? 201 : 200);
});
