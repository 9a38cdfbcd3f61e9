// GET /api/approvals: the caller's approvals inbox. Decisions go to
// POST /api/runs/{id}/steps/{stepId}/decision.
import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { listApprovalInbox } from '@/server/use-cases/list-approvals';

export const GET = route(async (request) => json(await listApprovalInbox(await principalFromRequest(request))));
