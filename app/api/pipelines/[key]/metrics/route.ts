import { principalFromRequest } from '@/server/auth/principal';
import { queryObject } from '@/server/http/query';
import { json, route } from '@/server/http/respond';
import { getPipelineMetrics } from '@/server/use-cases/pipeline-metrics';

type Ctx = { params: Promise<{ key: string }> };

/** DORA figures over `?days=` (default 90), each with its definition. */
export const GET = route(async (request, { params }: Ctx) =>
  json(await getPipelineMetrics(await principalFromRequest(request), (await params).key, queryObject(request))));
