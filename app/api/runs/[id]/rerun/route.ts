import { requireAdmin } from '@/server/auth/tokens';
import { json, route } from '@/server/http/respond';
import { rerunRun } from '@/server/use-cases/operate-runs';

/** Runs the same workflow version again for the same event; answers the new run's id. */
export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await requireAdmin(request.headers);
  return json(await rerunRun((await params).id), 201);
});
