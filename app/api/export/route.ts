import { principalFromRequest } from '@/server/auth/principal';
import { route } from '@/server/http/respond';
import { exportRegistry } from '@/server/use-cases/export-registry';

/** The registry as one multi-document YAML stream (sources without secrets, event types, workflows). */
export const GET = route(async (request) => {
  const text = await exportRegistry(await principalFromRequest(request));
  return new Response(text, {
    headers: {
      'content-type': 'application/yaml; charset=utf-8',
      'content-disposition': 'attachment; filename="railyard-registry.yaml"',
      'cache-control': 'no-store',
    },
  });
});
