// Every action this deployment offers, built-ins and plugins alike, as plain JSON for the editor.
import { describeAction } from '@/engine/actions/catalog';
import { listActions } from '@/server/actions/catalog';
import { json, route } from '@/server/http/respond';

export const GET = route(async () => json((await listActions()).map((a) => describeAction(a))));
