import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getPipelineDetail } from '@/server/use-cases/query-pipelines';

type Ctx = { params: Promise<{ key: string }> };

/** The pipeline with its track, hotfix and the pre-flight panel of Start release. */
export const GET = route(async (request, { params }: Ctx) => json(await getPipelineDetail(await principalFromRequest(request), (await params).key)));
