// The caller (signed-in person or API token): name, email, role, kind. 401 when anonymous.
import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getMe } from '@/server/use-cases/get-me';

export const GET = route(async (request) => json(await getMe(await principalFromRequest(request))));
