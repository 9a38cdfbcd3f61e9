import { z } from 'zod';
import { principalFromRequest } from '@/server/auth/principal';
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { MAX_DRAFT_BYTES, publishFromEditor } from '@/server/use-cases/manage-drafts';

type Params = { params: Promise<{ name: string }> };
const bodySchema = z.strictObject({ yaml: z.string().min(1).max(MAX_DRAFT_BYTES), message: z.string().trim().min(1, 'say what changed').max(2000) });

/**
 * The editor's Publish: `{yaml, message}` becomes a new immutable version (201), or nothing when it
 * equals the live version (200, `created: false`); the draft is dropped either way.
 */
export const POST = route(async (request, { params }: Params) => {
  const actor = await principalFromRequest(request);
  const body = bodySchema.parse(parseJsonBody(await readBodyLimited(request, MAX_DRAFT_BYTES + 4096)));
  const { workflow, created } = await publishFromEditor(actor, (await params).name, body);
  return json({ ...workflow, created }, created ? 201 : 200);
});
