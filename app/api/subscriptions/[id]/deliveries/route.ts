import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { listDeliveriesUseCase } from '@/server/use-cases/manage-subscriptions';

type Ctx = { params: Promise<{ id: string }> };

export const GET = route(async (request, { params }: Ctx) =>
  json(await listDeliveriesUseCase(await principalFromRequest(request), (await params).id)),
);
