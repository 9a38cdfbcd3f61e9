import { principalFromRequest } from '@/server/auth/principal';
import { listQuerySchema, optional, queryObject } from '@/server/http/query';
import { json, route } from '@/server/http/respond';
import { listEventSummaries } from '@/server/use-cases/query-events';

const querySchema = listQuerySchema.extend({ source: optional, type: optional });

export const GET = route(async (request) =>
  json(await listEventSummaries(await principalFromRequest(request), querySchema.parse(queryObject(request)))),
);
