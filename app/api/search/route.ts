import { principalFromRequest } from '@/server/auth/principal';
import { json, route, searchParams } from '@/server/http/respond';
import { search } from '@/server/use-cases/search-registry';

/** `?q=words` → up to 20 `{kind, name, title, snippet, href}`, best first. */
export const GET = route(async (request) => json(await search(await principalFromRequest(request), searchParams(request).get('q'))));
