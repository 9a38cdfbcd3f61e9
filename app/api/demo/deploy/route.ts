// A stand-in deploy hook for the demo workflows (jenkins build → deploy, and the shop-web release
// pipeline's test and production stations), so a fresh install can show an http.request step
// succeeding without any outside system. Not used by real workflows.
import { parseJsonBody, readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';

export const POST = route(async (request) => {
  const body = parseJsonBody(await readBodyLimited(request, 64 * 1024)) as Record<string, unknown>;
  return json({
    deployed: true,
    service: body.service ?? null,
    environment: body.environment ?? null,
    version: body.version ?? null,
    at: new Date().toISOString(),
  });
});
