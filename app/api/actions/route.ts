import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { listActionDescriptions } from '@/server/use-cases/list-actions';

export const GET = route(async (request) => json(await listActionDescriptions(await principalFromRequest(request))));
