import { json, route } from '@/server/http/respond';
import { getRunDetail } from '@/server/use-cases/query-runs';

export const GET = route(async (_request, { params }: { params: Promise<{ id: string }> }) =>
  json(await getRunDetail((await params).id)),
);
