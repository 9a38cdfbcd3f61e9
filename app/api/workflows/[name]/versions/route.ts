import { principalFromRequest } from '@/server/auth/principal';
import { json, route } from '@/server/http/respond';
import { listWorkflowVersions } from '@/server/use-cases/workflow-history';

type Params = { params: Promise<{ name: string }> };

/** `[{version, createdAt, author, message}]`, newest first. */
export const GET = route(async (request, { params }: Params) => json(await listWorkflowVersions(await principalFromRequest(request), (await params).name)));
