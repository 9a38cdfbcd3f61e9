// Generic events: POST /api/events/{source}/{type}. The first segment is named [id] because Next
// requires one slug name per level and GET /api/events/{id} shares it.
import { handleIntake } from '@/server/http/intake';
import { route } from '@/server/http/respond';

export const POST = route(async (request, { params }: { params: Promise<{ id: string; type: string }> }) => {
  const { id: source, type } = await params;
  return handleIntake(request, source, type);
});
