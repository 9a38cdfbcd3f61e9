import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getProcess } from '@/server/use-cases/get-processes';

/** One event type's process: what happens when `source / type` arrives (`repo:push` or `repo%3Apush`). */
export const GET = route(async (request, { params }: { params: Promise<{ source: string; type: string }> }) => {
  const { source, type } = await params;
  return json(await getProcess(await principalFromRequest(request), source, type));
});
