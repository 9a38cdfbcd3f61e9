import { requireAdmin } from '@/server/auth/tokens';
import { json, route } from '@/server/http/respond';
import { cancelRun } from '@/server/use-cases/operate-runs';

export const POST = route(async (request, { params }: { params: Promise<{ id: string }> }) => {
  const principal = await requireAdmin(request.headers);
  return json(await cancelRun((await params).id, principal.name));
});
