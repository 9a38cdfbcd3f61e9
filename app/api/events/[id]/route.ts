import { json, route } from '@/server/http/respond';
import { getEventDetail } from '@/server/use-cases/query-events';

export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getEventDetail((await params).id)),
);
