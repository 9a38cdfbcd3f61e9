import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { getEventTypeSample } from '@/server/use-cases/get-event-type-sample';

type Params = { params: Promise<{ source: string; type: string }> };

/** `{source, type, samplePayload, recent: [{id, receivedAt, payload}]}` for `event.payload…` completion. */
export const GET = route(async (request, { params }: Params) => json(await getEventTypeSample(await principalFromRequest(request), await params)));
