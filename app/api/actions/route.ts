import { actionCatalog, describeAction } from '@/engine/actions/catalog';
import { json, route } from '@/server/http/respond';

export const GET = route(async () => json(Object.values(actionCatalog).map((a) => describeAction(a))));
