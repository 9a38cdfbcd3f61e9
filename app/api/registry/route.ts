import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getRegistry } from '@/server/use-cases/get-registry';

export const GET = route(async (request) => json(await getRegistry(await principalFromRequest(request))));
