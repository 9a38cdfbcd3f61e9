import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { cancelRun } from '@/server/use-cases/operate-runs';

export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) =>
  json(await cancelRun(await principalFromRequest(request), (await params).id), 200),
);
