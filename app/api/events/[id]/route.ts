import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getEventDetail } from '@/server/use-cases/query-events';

export const GET = route(async (request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getEventDetail(await principalFromRequest(request), (await params).id)),
);
