// The editor page's reads, started together on the server while the page renders: who you are,
// the live version, the action catalog and (for editors) the shared draft. Before, the browser
// asked for them only after hydration, and the draft only once /api/me had answered: two round
// trips after the scripts ran. The client queries find these entries in their cache and fetch
// nothing. Each entry is what its API route would send (same use-case, same authorization), put
// through the client's schema after a JSON round trip so dates are strings exactly as over HTTP.
// A read that fails is left out (react-query does not dehydrate failed queries): the client query
// then fetches it itself and shows its usual error.
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { z } from 'zod';
import { can } from '@/engine/auth/roles';
import { meSchema } from '@/engine/dto/accounts';
import { workflowDetailSchema } from '@/engine/dto/registry';
import { workflowDraftSchema } from '@/engine/dto/workflow-versions';
import { meKey } from '@/lib/me';
import { actionInfoSchema, keys } from '@/lib/queries';
import { workflowKeys } from '@/lib/workflow-queries';
import { principalFromSession } from '@/server/auth/principal';
import { AppError } from '@/server/errors';
import { getMe } from '@/server/use-cases/get-me';
import { listActionDescriptions } from '@/server/use-cases/list-actions';
import { getDraft } from '@/server/use-cases/manage-drafts';
import { getWorkflowDetail } from '@/server/use-cases/query-workflows';

const asOverHttp = <T>(schema: z.ZodType<T>, dto: unknown): T => schema.parse(JSON.parse(JSON.stringify(dto)));

/** `cookieHeader`: the page request's Cookie header (the next-auth session, as /api/* reads it). */
export async function prefetchEditor(name: string, cookieHeader: string | null): Promise<DehydratedState | null> {
  // No session (or the database is unreachable): the client's own queries handle it as before.
  const actor = await principalFromSession(cookieHeader).catch(() => null);
  if (!actor) return null;
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await Promise.all([
    qc.prefetchQuery({ queryKey: meKey, queryFn: async () => asOverHttp(meSchema, await getMe(actor)) }),
    qc.prefetchQuery({ queryKey: keys.workflow(name), queryFn: async () => asOverHttp(workflowDetailSchema, await getWorkflowDetail(actor, name)) }),
    qc.prefetchQuery({ queryKey: keys.actions, queryFn: async () => asOverHttp(z.array(actionInfoSchema), await listActionDescriptions(actor)) }),
    // Viewers never read drafts (the API would refuse them), exactly as useWorkflowDraft is disabled for them.
    can(actor.role, 'workflows.publish')
      ? qc.prefetchQuery({
          queryKey: workflowKeys.draft(name),
          queryFn: async () => {
            try {
              return asOverHttp(workflowDraftSchema, await getDraft(actor, name));
            } catch (err) {
              if (err instanceof AppError && err.code === 'not_found') return null; // no draft, as the 404 in useWorkflowDraft
              throw err;
            }
          },
        })
      : null,
  ]);
  return dehydrate(qc);
}
