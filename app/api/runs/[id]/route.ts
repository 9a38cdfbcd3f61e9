import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getRunDetail } from '@/server/use-cases/query-runs';

export const GET = route(async (request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getRunDetail(await principalFromRequest(request), (await params).id)),
);
