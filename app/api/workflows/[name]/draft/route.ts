import { z } from 'zod';
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { discardDraft, getDraft, MAX_DRAFT_BYTES, saveDraft } from '@/server/use-cases/manage-drafts';

type Params = { params: Promise<{ name: string }> };
const bodySchema = z.strictObject({ yaml: z.string().max(MAX_DRAFT_BYTES), baseVersion: z.int().positive().nullable().optional() });

export const GET = route(async (request, { params }: Params) => json(await getDraft(await principalFromRequest(request), (await params).name)));

/** `{yaml, baseVersion?}`: saves the editor's text as it is, valid or not. */
export const PUT = route(async (request, { params }: Params) => {
  const actor = await principalFromRequest(request);
  const body = bodySchema.parse(parseJsonBody(await readBodyLimited(request, MAX_DRAFT_BYTES + 4096)));
  return json(await saveDraft(actor, (await params).name, body));
});

export const DELETE = route(async (request, { params }: Params) => {
  await discardDraft(await principalFromRequest(request), (await params).name);
  return new Response(null, { status: 204 });
});
