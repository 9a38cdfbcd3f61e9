import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { answeringTrainConflict } from '@/server/http/train-conflict';
import { derailTrain } from '@/server/use-cases/derail-train';

type Ctx = { params: Promise<{ id: string }> };

/** `{reason}` (required): the train leaves the track, its features return to ready. */
export const POST = route(async (request, { params }: Ctx) => {
  const actor = await principalFromRequest(request);
  const raw = await readBodyLimited(request, 16 * 1024);
  const body = raw.toString('utf8').trim() === '' ? {} : parseJsonBody(raw);
  return answeringTrainConflict(async () => json(await derailTrain(actor, (await params).id, body)));
});
