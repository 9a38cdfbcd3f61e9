import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getTrain } from '@/server/use-cases/query-trains';

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (request, { params }: Ctx) => json(await getTrain(await principalFromRequest(request), (await params).id)));
