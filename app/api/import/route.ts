import { principalFromRequest } from '@/server/auth/principal';
import { readBodyLimited } from '@/server/http/read-body';
import { json, route } from '@/server/http/respond';
import { importRegistry } from '@/server/use-cases/import-registry';

/** Body: a registry stream as GET /api/export writes it. 200 `{created, updated, unchanged}`, or 400 `{error, problems}` and nothing changed. */
export const POST = route(async (request) => {
  const actor = await principalFromRequest(request);
  const text = (await readBodyLimited(request, 16 * 1024 * 1024)).toString('utf8');
  const result = await importRegistry(actor, text);
  if (result.ok) return json(result.report);
  const count = result.problems.length;
  return json({ error: `import refused, nothing changed: ${count} problem${count === 1 ? '' : 's'}`, problems: result.problems }, 400);
});
