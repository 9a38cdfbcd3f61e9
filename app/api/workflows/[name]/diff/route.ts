import { z } from 'zod';
import { principalFromRequest } from '@/server/auth/principal';
import { queryObject } from '@/server/http/query';
import { json, route } from '@/server/http/respond';
import { diffWorkflowVersions } from '@/server/use-cases/workflow-history';

type Params = { params: Promise<{ name: string }> };
const querySchema = z.object({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

/** `?from=A&to=B` → `{changes: [{kind, step?, field?, from?, to?, text}], layoutOnly, text}`. */
export const GET = route(async (request, { params }: Params) => {
  const q = querySchema.parse(queryObject(request));
  return json(await diffWorkflowVersions(await principalFromRequest(request), (await params).name, q.from, q.to));
});
