import { z } from 'zod';
import { RUN_STATUSES } from '@/engine/run/status';
import { principalFromRequest } from '@/server/auth/principal';
import { listQuerySchema, optional, queryObject } from '@/server/http/query';
import { json, route } from '@/server/http/respond';
import { listRunSummaries } from '@/server/use-cases/query-runs';

const querySchema = listQuerySchema.extend({ status: z.enum(RUN_STATUSES).optional(), workflow: optional });

export const GET = route(async (request) =>
  json(await listRunSummaries(await principalFromRequest(request), querySchema.parse(queryObject(request)))),
);
