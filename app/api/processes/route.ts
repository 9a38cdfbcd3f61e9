import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { listProcesses } from '@/server/use-cases/get-processes';

/** Every event type: its listeners (steps described in words), who emits it and who waits for it. */
export const GET = route(async (request) => json(await listProcesses(await principalFromRequest(request))));
