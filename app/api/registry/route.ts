import { json, route } from '@/server/http/respond';
import { getRegistry } from '@/server/use-cases/get-registry';

export const GET = route(async () => json(await getRegistry()));
