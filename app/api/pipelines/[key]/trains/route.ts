import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { answeringTrainConflict } from '@/server/http/train-conflict';
import { startTrain } from '@/server/use-cases/start-train';

type Ctx = { params: Promise<{ key: string }> };

/** Start release: `{kind?: 'regular'|'hotfix', features?: [keys], commits?: [sha]}` → 201, or 409 `{error, train}`. */
export const POST = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const raw = await readBodyLimited(request, 64 * 1024);
  const body = raw.toString('utf8').trim() === '' ? {} : parseJsonBody(raw);
  return answeringTrainConflict(async () => json(await startTrain(actor, (await params).key, body), 201));
});
