import { principalFromRequest } from '@/server/auth/principal';
import { queryObject } from '@/server/http/query';
import { json, route } from '@/server/http/respond';
import { listTrains } from '@/server/use-cases/query-trains';

/** `?pipeline=&status=running|arrived|derailed&limit=`, newest first. */
export const GET = route(async (request) => json(await listTrains(await principalFromRequest(request), queryObject(request))));
