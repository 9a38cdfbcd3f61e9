import { requireAdmin } from '@/server/auth/tokens';
import { json, route } from '@/server/http/respond';
import { resumeRun } from '@/server/use-cases/operate-runs';

/** A new run that keeps the succeeded steps' outputs and starts again at the failed step. */
export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  await requireAdmin(request.headers);
  return json(await resumeRun((await params).id), 201);
});
